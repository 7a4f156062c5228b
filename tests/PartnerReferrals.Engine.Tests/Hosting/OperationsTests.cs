using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Hosting;

public class OperationsTests
{
    [Fact]
    public void Queries_without_a_session_ask_to_connect_first()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => PartnerReferralsOperations.GetReferrals(null, new ReferralRequest(), new RecordingHost(), CancellationToken.None));
        Assert.Equal("PartnerReferrals.Session.NotConnected", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
        Assert.Contains("Connect-PartnerReferrals", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_errors_win_over_the_missing_session()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => PartnerReferralsOperations.GetReferrals(null, new ReferralRequest { PageSize = 0 }, new RecordingHost(), CancellationToken.None));
        Assert.Equal("PageSize", error.ParameterName);
    }

    [Fact]
    public void Get_referrals_writes_rows_total_progress_and_a_verbose_line_per_page()
    {
        var handler = new FakeHandler((request, _) => FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 1200)));
        using var session = TestSessions.Create(handler);
        var host = new RecordingHost();

        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 500, IncludeTotalCount = true }, host, CancellationToken.None);

        Assert.Equal(1200, host.Objects.OfType<Referral>().Count());
        Assert.Equal([1200L], host.TotalCounts);
        Assert.Equal(3, host.Lines.Count(l => l.StartsWith("VERBOSE: Page skip=", StringComparison.Ordinal)));
        Assert.Contains(host.Progress, p => p.Status == "500 of 1,200 referrals" && p.PercentComplete == 41);
        Assert.True(host.Progress.Last().Completed);
        Assert.All(host.Progress, p => Assert.Equal("Getting referrals", p.Activity));
    }

    [Fact]
    public void Select_first_stopping_the_pipeline_stops_the_requests()
    {
        var handler = FakeHandler.Async(async (request, _, token) =>
        {
            await Task.Delay(10, token);
            return FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 100_000));
        });
        using var session = TestSessions.Create(handler);
        var host = new RecordingHost { StopAfterObjects = 5 };

        Assert.Throws<PipelineStoppedException>(() => PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 100 }, host, CancellationToken.None));

        var count = handler.Count;
        Thread.Sleep(100);
        Assert.Equal(count, handler.Count);
        // Read-ahead is bounded: the runner's 1,024-object buffer (about 11 pages of 100) plus 4 pages in flight.
        Assert.InRange(count, 1, 16);
    }

    [Fact]
    public void Get_summary_writes_groups()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json("""{"Value":[{"status":"Won","createdDate":"2024-01-01","referralCount":"3"}],"TotalCount":1}"""));
        using var session = TestSessions.Create(handler);
        var host = new RecordingHost();
        var request = new SummaryRequest { AggregationLevel = "month" };
        request.GroupBy.Add("status");
        request.GroupBy.Add("createdDate");

        PartnerReferralsOperations.GetSummary(session, request, host, CancellationToken.None);

        var group = Assert.IsType<ReferralGroup>(Assert.Single(host.Objects));
        Assert.Equal(3, group.ReferralCount);
        Assert.Equal("Month", group.Value("AggregationLevel"));
        Assert.Equal(["Status", "CreatedDate", "AggregationLevel"], group.GroupedValues().Select(v => v.Key));
        Assert.Equal("status,createdDate", group.GroupBy);
        Assert.Contains("groupby=status%2CcreatedDate&aggregationLevel=month", handler.Requests.Single().Query, StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SessionStoreCollection
{
    public const string Name = "Process-wide session";
}
