using System;
using System.Globalization;

namespace PartnerReferrals.Emulator;

/// <summary>The Referrals API's date form: UTC with seven fractional digits and Z (<c>2022-02-24T21:04:06.0372014Z</c>, §3).</summary>
internal static class CoSellDates
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
