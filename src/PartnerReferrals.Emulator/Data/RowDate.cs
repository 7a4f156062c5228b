using System;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The compact date form of a row: seconds since 1970-01-01 UTC plus one, so that 0 can mean "missing".
/// It covers 1970 to 2106, far beyond any referral.
/// </summary>
internal static class RowDate
{
    public const uint Missing = 0;

    public static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime? ToDateTime(uint raw) => raw == Missing ? null : Epoch.AddSeconds(raw - 1d);

    public static uint FromDateTime(DateTime? value)
    {
        if (value is not { } date)
        {
            return Missing;
        }

        var utc = date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : date;
        var seconds = (utc.Ticks - Epoch.Ticks) / TimeSpan.TicksPerSecond;
        if (seconds < 0 || seconds >= uint.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "referral dates must lie between 1970 and 2106");
        }

        return (uint)seconds + 1;
    }

    /// <summary>Ticks of a stored date, for comparisons with filter literals that may carry fractions.</summary>
    public static long ToTicks(uint raw) => Epoch.Ticks + ((raw - 1L) * TimeSpan.TicksPerSecond);
}
