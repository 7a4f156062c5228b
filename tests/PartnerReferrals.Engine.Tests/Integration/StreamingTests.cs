using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;
using static PartnerReferrals.Engine.Tests.Integration.EmulatorSignIn;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>Paging behaviour on the wire, read from the emulator's request log (tests of one class run one at a time).</summary>
public class StreamingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly PartnerReferralsSession session = AccessTokenSession(fixture);

    public void Dispose() => session.Dispose();

    [Fact]
    public void Taking_the_first_rows_fetches_no_more_pages_than_needed()
    {
        fixture.Server.Requests.Clear();
        var host = new RecordingHost();

        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 100, Skip = 25, First = 250 }, host, CancellationToken.None);

        Assert.Equal(fixture.Server.Referrals.Skip(25).Take(250).Select(r => r.Id), host.Objects.OfType<Referral>().Select(r => r.Id));
        Assert.Equal(3, fixture.Server.Requests.Count);
    }

    [Fact]
    public void Stopping_the_pipeline_mid_stream_sends_no_further_request()
    {
        fixture.Server.Faults.Latency = TimeSpan.FromMilliseconds(30);
        try
        {
            fixture.Server.Requests.Clear();
            var host = new RecordingHost { StopAfterObjects = 150 };

            Assert.Throws<PipelineStoppedException>(() =>
                PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 100 }, host, CancellationToken.None));

            // The emulator logs a request once its 30 ms latency has passed, so requests already on the wire when
            // the stop came may still appear; give them time, then nothing new may follow.
            Thread.Sleep(150);
            var count = fixture.Server.Requests.Count;
            Thread.Sleep(300);
            Assert.Equal(count, fixture.Server.Requests.Count);
            // Read-ahead is bounded: the runner's 1,024-object buffer (about 11 pages of 100) plus 4 pages in flight.
            Assert.InRange(count, 2, 16);
        }
        finally
        {
            fixture.Server.Faults.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public void Cancelling_mid_stream_sends_no_further_request()
    {
        fixture.Server.Faults.Latency = TimeSpan.FromMilliseconds(30);
        try
        {
            fixture.Server.Requests.Clear();
            using var cancel = new CancellationTokenSource();
            // Cancels after 250 rows, as Ctrl+C would.
            var host = new RecordingHost { AfterObject = rows => { if (rows == 250) cancel.Cancel(); } };

            Assert.ThrowsAny<OperationCanceledException>(() =>
                PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 100 }, host, cancel.Token));

            // The emulator logs a request once its 30 ms latency has passed, so requests already on the wire when
            // the stop came may still appear; give them time, then nothing new may follow.
            Thread.Sleep(150);
            var count = fixture.Server.Requests.Count;
            Thread.Sleep(300);
            Assert.Equal(count, fixture.Server.Requests.Count);
            Assert.True(count < 30);
        }
        finally
        {
            fixture.Server.Faults.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public void One_operation_shares_a_correlation_id_and_the_next_gets_its_own()
    {
        fixture.Server.Requests.Clear();
        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 1000 }, new RecordingHost(), CancellationToken.None);
        var first = fixture.Server.Requests.Snapshot();
        fixture.Server.Requests.Clear();
        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { First = 1 }, new RecordingHost(), CancellationToken.None);
        var second = fixture.Server.Requests.Snapshot();

        Assert.Equal(3, first.Count);
        Assert.Single(first.Select(r => r.Header("MS-CorrelationId")).Distinct());
        Assert.Equal(3, first.Select(r => r.Header("MS-RequestId")).Distinct().Count());
        Assert.NotEqual(first[0].Header("MS-CorrelationId"), second.Single().Header("MS-CorrelationId"));
        Assert.All(first, r => Assert.Equal("EngineTests", r.Header("MS-PartnerCenter-Application")));
        Assert.All(first, r => Assert.StartsWith("PartnerReferrals/", r.Header("User-Agent"), StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_groups_by_status_and_month()
    {
        var host = new RecordingHost();
        var request = new SummaryRequest { AggregationLevel = "Month" };
        request.GroupBy.Add("status");
        request.GroupBy.Add("createdDate");

        PartnerReferralsOperations.GetSummary(session, request, host, CancellationToken.None);

        var groups = host.Objects.OfType<ReferralGroup>().ToList();
        Assert.NotEmpty(groups);
        Assert.Equal(fixture.Server.Referrals.Count, groups.Sum(g => g.ReferralCount));
        Assert.All(groups, g => Assert.Equal(1, ((DateTime)g.Value("CreatedDate")!).Day));
    }

    [Fact]
    public void A_filter_built_by_the_engine_is_understood_by_the_api()
    {
        var host = new RecordingHost();
        var request = new ReferralRequest();
        request.Filter.Status.Add("Won");
        request.Filter.Status.Add("Lost");
        request.Filter.After = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        request.Filter.CustomerNameContains = "a";

        PartnerReferralsOperations.GetReferrals(session, request, host, CancellationToken.None);

        var expected = fixture.Server.Referrals.Count(r => (r.Status is "Won" or "Lost") && r.CreatedDate >= request.Filter.After
            && (r.CustomerName ?? string.Empty).Contains('a', StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, host.Objects.Count);
        Assert.True(expected > 0);
    }

    private static PartnerReferralsSession AccessTokenSession(EmulatorFixture fixture)
    {
        var request = Request(fixture, SignInMethod.AccessToken);
        request.AccessToken = Secure(fixture.Server.Tokens.IssueUserToken(TimeSpan.FromHours(2)));
        return Connect(request, new RecordingHost(), Options(fixture));
    }
}
