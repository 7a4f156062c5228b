using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Insights;

/// <summary>
/// The memory Measure-PartnerReferral keeps for 1,000,000 referrals, measured on the accumulator the cmdlet uses:
/// rows are made one at a time and dropped, so what stays reachable is the accumulator's own state.
/// </summary>
[Collection(MemoryCollection.Name)]
public class InsightMemoryTests
{
    private const int Million = 1_000_000;

    [Fact]
    public void A_million_referrals_keep_about_four_bytes_per_measured_time_and_nothing_per_row()
    {
        var grouping = InsightGrouping.Parse(["customerMarket", "createdMonth"]);
        var (timed, timedGroups) = Retained(grouping, withDates: true);
        var (untimed, untimedGroups) = Retained(grouping, withDates: false);

        File.WriteAllText(
            Path.Combine(AppContext.BaseDirectory, "insights-memory.txt"),
            $"1,000,000 referrals, {timedGroups} groups: {timed:N0} bytes retained with three measured times per row; {untimed:N0} bytes with none.\n");
        // Every row reached every stage: three durations of 4 bytes each, 12 MB, plus chunk slack and the groups.
        Assert.Equal(timedGroups, untimedGroups);
        Assert.InRange(timed, 3 * 4L * Million, 16L * 1024 * 1024);
        // Without dates nothing is measured: what remains is the groups, not the million rows.
        Assert.InRange(untimed, 0, 2L * 1024 * 1024);
    }

    private static (long Bytes, int Groups) Retained(InsightGrouping grouping, bool withDates)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var accumulator = new InsightAccumulator(grouping);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string[] markets = ["US", "GB", "DE", "FR", "JP", "IN", "BR", "CA"];
        for (var i = 0; i < Million; i++)
        {
            var created = start.AddMinutes(i * 3);
            accumulator.Add(withDates
                ? new Referral { Status = "Won", CustomerMarket = markets[i % markets.Length], CreatedDate = created, AcknowledgedDate = created.AddMinutes(i % 997), AcceptedDate = created.AddHours(i % 50), WonDate = created.AddDays(30) }
                : new Referral { Status = "Created", CustomerMarket = markets[i % markets.Length], CreatedDate = created });
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var groups = accumulator.GroupCount;
        GC.KeepAlive(accumulator);
        return (after - before, groups);
    }
}

/// <summary>Alone: other tests allocating at the same time would be counted as retained.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "Memory measurements";
}
