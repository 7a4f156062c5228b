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
internal static class ReferralGenerator
{
    // A fixed window, not "now": the data must not change from one day to the next.
    private static readonly DateTime First = new(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Last = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

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

    public static EmulatorReferral[] Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var names = BuildNames();
        var markets = Expand(Markets);
        var sizes = Expand(OrgSizes);

        // Creation times sorted up front, so rows come out in the endpoint's order (createdDate, then id).
        var spanSeconds = (long)(Last - First).TotalSeconds;
        var createdSeconds = new long[count];
        for (var i = 0; i < count; i++)
        {
            createdSeconds[i] = random.NextInt64(spanSeconds);
        }

        Array.Sort(createdSeconds);
        var rows = new EmulatorReferral[count];
        var id = 100_000L;
        for (var i = 0; i < count; i++)
        {
            id += random.Next(1, 4);
            var customerMarket = markets[random.Next(markets.Length)];
            rows[i] = Lifecycle.Build(
                random,
                First.AddSeconds(createdSeconds[i]),
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
