using System;

namespace PartnerReferrals.Models;

/// <summary>
/// A <see cref="Nullable{DateTime}"/> in 8 bytes: <see cref="DateTime.ToBinary"/> keeps the ticks and the kind,
/// and <see cref="None"/>, a value <c>ToBinary</c> never returns, stands for null.
/// </summary>
internal static class CompactDate
{
    /// <summary>Above every UTC or unspecified value ToBinary gives (ticks below 2^62 plus the kind bit); local ones are negative.</summary>
    public const long None = long.MaxValue;

    public static DateTime? Read(long stored) => stored == None ? null : DateTime.FromBinary(stored);

    public static long Write(DateTime? value) => value is { } date ? date.ToBinary() : None;
}
