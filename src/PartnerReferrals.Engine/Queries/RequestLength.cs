using System;
using System.Globalization;
using System.Linq;

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

    private static string TypedFilters => string.Join(", ", ReferralFields.ValueFilterFields.Select(f => "-" + f.Property).Append("-CustomerName"));

    /// <summary>Refuses a filter too long for one request; <paramref name="parts"/>, when known, name the parameter that made it so.</summary>
    public static void Check(string? filter, ReferralFilter? parts = null)
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
                parts is null ? "Filter" : Longest(parts),
                null,
                string.Format(CultureInfo.InvariantCulture, "-{2}: the filter is {0:N0} characters once encoded for the URL, and the API refuses requests over about {1:N0}; it is built from -Filter and the typed filters ({3}).", encoded, MaxRequestLine, parts is null ? "Filter" : Longest(parts), TypedFilters),
                string.Format(CultureInfo.InvariantCulture, "Shorten it to under {0:N0} encoded characters: split the values over several calls (for example a few -Status values per call) or filter by a date range instead.", MaxEncodedFilter));
        }
    }

    /// <summary>The cmdlet parameter that contributes most to the filter.</summary>
    private static string Longest(ReferralFilter parts) =>
        ReferralFields.ValueFilterFields
            .Select(f => (Parameter: f.Property, Length: f.AnyOf!(parts).Sum(v => (v?.Length ?? 0) + 20)))
            .Append((Parameter: "Filter", Length: parts.RawFilter?.Length ?? 0))
            .Append((Parameter: "CustomerName", Length: parts.CustomerNameContains?.Length ?? 0))
            .OrderByDescending(c => c.Length)
            .First().Parameter;
}
