using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Builds a deterministic data set: the same seed and count give the same rows. Dates follow a referral's
/// lifecycle (created, acknowledged, a decision, an outcome, archived); only the dates of the stages a row
/// reached are set, in increasing order, and the status is the last stage reached.
/// </summary>
/// <remarks>
/// The data ends at a given moment (the emulator's start, or <see cref="EmulatorOptions.AsOf"/>): the newest
/// referral is created at that moment and no stage lies after it, so "what changed in the last day" and "created
/// this month" find rows on any day. Every date is drawn as an offset back from that end, so one seed gives the
/// same statuses, markets, names and intervals whatever the end; another end only shifts the dates.
/// </remarks>
internal static class ReferralGenerator
{
    /// <summary>How far back the data reaches: about eight and a half years, the window the data always had.</summary>
    public static readonly TimeSpan Window = new DateTime(2026, 6, 30) - new DateTime(2018, 1, 1);

    private static readonly (string Code, int Weight)[] Markets =
    [
        ("US", 30), ("GB", 8), ("DE", 8), ("FR", 6), ("IN", 5), ("JP", 5), ("CA", 5), ("AU", 4), ("BR", 4), ("NL", 3),
        ("ES", 3), ("IT", 3), ("SE", 2), ("CH", 2), ("MX", 2), ("SG", 2), ("PL", 2), ("DK", 1), ("NO", 1), ("FI", 1),
        ("IE", 1), ("AT", 1), ("BE", 1), ("ZA", 1), ("NZ", 1), ("KR", 1), ("TR", 1), ("AE", 1),
    ];

    private static readonly (string Size, int Weight)[] OrgSizes =
    [
        ("1to9employees", 20), ("10to50employees", 25), ("51to250employees", 20), ("251to1000employees", 14),
        ("1001to5000employees", 10), ("5001to10000employees", 5), ("10001to20000employees", 3), ("Morethan20000employees", 3),
    ];

    /// <summary>The end of the data: <paramref name="asOf"/> in UTC, cut to the second (the API keeps no fractions).</summary>
    public static DateTime EndOf(DateTimeOffset asOf)
    {
        var utc = asOf.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary><paramref name="count"/> rows whose newest date is <paramref name="asOf"/>, cut to the second (see the remarks).</summary>
    public static EmulatorReferral[] Generate(int count, int seed, DateTimeOffset asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var end = EndOf(asOf);
        var random = new Random(seed);
        var names = BuildNames();
        var markets = Expand(Markets);
        var sizes = Expand(OrgSizes);

        // Creation times sorted up front, so rows come out in the endpoint's order (createdDate, then id); the
        // newest is placed at the end itself.
        var spanSeconds = (long)Window.TotalSeconds;
        var createdSeconds = new long[count];
        for (var i = 0; i < count; i++)
        {
            createdSeconds[i] = random.NextInt64(spanSeconds);
        }

        Array.Sort(createdSeconds);
        var newest = count > 0 ? createdSeconds[^1] : 0;
        var rows = new EmulatorReferral[count];
        var id = 100_000L;
        for (var i = 0; i < count; i++)
        {
            id += random.Next(1, 4);
            var customerMarket = markets[random.Next(markets.Length)];
            rows[i] = Lifecycle.Build(
                random,
                end.AddSeconds(createdSeconds[i] - newest),
                end,
                id.ToString(CultureInfo.InvariantCulture),
                names[random.Next(names.Length)],
                customerMarket,
                random.Next(5) == 0 ? markets[random.Next(markets.Length)] : customerMarket,
                sizes[random.Next(sizes.Length)]);
        }

        return rows;
    }

    // Every combination once, so a million rows share a few thousand name strings.
    private static string[] BuildNames()
    {
        var names = new List<string>();
        foreach (var lead in NameWords.Leading)
        {
            foreach (var middle in NameWords.Middle)
            {
                foreach (var trail in NameWords.Trailing)
                {
                    names.Add(string.Join(' ', new[] { lead, middle, trail }.Where(w => w.Length > 0)));
                }
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string[] Expand((string Value, int Weight)[] weighted) =>
        weighted.SelectMany(w => Enumerable.Repeat(w.Value, w.Weight)).ToArray();
}
