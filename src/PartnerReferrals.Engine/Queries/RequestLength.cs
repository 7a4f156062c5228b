using System;
using System.Globalization;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// The service refuses a request line over about 8 KB with a bare HTTP 414. The filter is what grows (a long
/// -Filter, thousands of -Status values), so its encoded length is checked before any request, leaving room for
/// the path, the other parameters and a host.
/// </summary>
internal static class RequestLength
{
    /// <summary>The service's request-line limit.</summary>
    public const int MaxRequestLine = 8192;

    /// <summary>Room for "GET /partner/v1/analytics/referrals?", groupby, top, skip and " HTTP/1.1".</summary>
    private const int Reserved = 400;

    public static int MaxEncodedFilter => MaxRequestLine - Reserved;

    public static void Check(string? filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return;
        }

        var encoded = Uri.EscapeDataString(filter!).Length;
        if (encoded > MaxEncodedFilter)
        {
            throw QueryErrors.Invalid(
                "FilterTooLong",
                "Filter",
                null,
                string.Format(CultureInfo.InvariantCulture, "-Filter: the filter is {0:N0} characters once encoded for the URL, and the API refuses requests over about {1:N0}; it is built from -Filter and the typed filters (-Status, -CustomerMarket, -PartnerMarket, -CustomerOrgSize, -CustomerNameContains).", encoded, MaxRequestLine),
                string.Format(CultureInfo.InvariantCulture, "Shorten it to under {0:N0} encoded characters: split the values over several calls (for example a few -Status values per call) or filter by a date range instead.", MaxEncodedFilter));
        }
    }
}
