using System.Globalization;
using System.Net.Http;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Trust;

public class ShiftWarningTests
{
    private static ReferralQuery Query() => ReferralQuery.Create(null, null, null, 100, 0, null);

    private static (long Skip, int Top) SkipTop(HttpRequestMessage request)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        return (long.Parse(query["skip"] ?? "0", CultureInfo.InvariantCulture), int.Parse(query["top"]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_total_count_that_changes_mid_pull_is_warned_with_both_figures()
    {
        // 500 rows; from the third request on the API counts 480 (rows were removed meanwhile).
        var handler = new FakeHandler((request, n) =>
        {
            var (skip, top) = SkipTop(request);
            var total = n >= 3 ? 480 : 500;
            return FakeHandler.Json(Pages.Envelope(skip + 1, (int)Math.Max(0, Math.Min(top, total - skip)), total));
        });
        var options = TestSessions.FastOptions();
        options.MaxConcurrency = 1;
        using var session = TestSessions.Create(handler, options: options);
        var output = new RecordingHost();

        var rows = await session.GetReferralsAsync(Query(), session.NewOperation(output)).ToListAsync();

        var warnings = output.Lines.Where(l => l.StartsWith("WARNING: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(warnings, w => w.Contains("500", StringComparison.Ordinal) && w.Contains("480", StringComparison.Ordinal) && w.Contains("-Before", StringComparison.Ordinal));
        Assert.Equal(480, rows.Count);
    }

    [Fact]
    public async Task Rows_written_that_differ_from_the_count_are_warned_at_the_end()
    {
        // The count stays 300, but rows moved: page 2 repeats 20 rows of page 1, so 20 rows are never seen.
        var handler = new FakeHandler((request, _) =>
        {
            var (skip, top) = SkipTop(request);
            var first = skip == 0 ? 1 : skip - 19;
            return FakeHandler.Json(Pages.Envelope(first, (int)Math.Min(top, 300 - skip), 300));
        });
        using var session = TestSessions.Create(handler);
        var output = new RecordingHost();

        var rows = await session.GetReferralsAsync(Query(), session.NewOperation(output)).ToListAsync();

        Assert.Equal(rows.Select(r => r.Id).Distinct().Count(), rows.Count);
        var warning = Assert.Single(output.Lines, l => l.StartsWith("WARNING: ", StringComparison.Ordinal));
        Assert.Contains(rows.Count.ToString(CultureInfo.InvariantCulture), warning, StringComparison.Ordinal);
        Assert.Contains("300", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_steady_result_gives_no_warning()
    {
        var handler = new FakeHandler((request, _) => FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 1000)));
        using var session = TestSessions.Create(handler);
        var output = new RecordingHost();

        var rows = await session.GetReferralsAsync(Query(), session.NewOperation(output)).ToListAsync();

        Assert.Equal(1000, rows.Count);
        Assert.DoesNotContain(output.Lines, l => l.StartsWith("WARNING: ", StringComparison.Ordinal));
    }
}
