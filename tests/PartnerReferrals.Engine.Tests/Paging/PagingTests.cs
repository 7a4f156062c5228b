using System.Net;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Paging;

public class PagingTests
{
    private static ReferralQuery Query(int? pageSize = null, long skip = 0, long? first = null) => ReferralQuery.Create(null, null, null, pageSize, skip, first);

    [Fact]
    public async Task Skip_and_first_map_onto_one_request()
    {
        var handler = new FakeHandler((request, _) => FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 1000)));
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(skip: 25, first: 10), session.NewOperation(null)).ToListAsync();

        Assert.Equal(Enumerable.Range(26, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Id));
        var request = Assert.Single(handler.Requests);
        Assert.Equal("?top=10&skip=25", request.Query);
    }

    [Fact]
    public async Task With_a_total_count_later_pages_are_computed_fetched_concurrently_and_kept_in_order()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        var handler = FakeHandler.Async(async (request, _, token) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            // Later pages answer first, so order must be restored by the pager, not by luck.
            var skip = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["skip"];
            await Task.Delay(skip is null ? 1 : 60 - (int.Parse(skip, System.Globalization.CultureInfo.InvariantCulture) / 100), token);
            Interlocked.Decrement(ref inFlight);
            return FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 1050));
        });
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(pageSize: 100), session.NewOperation(null)).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 1050).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Id));
        Assert.Equal(11, handler.Count);
        Assert.InRange(maxInFlight, 2, 4);
        Assert.Contains(handler.Requests, r => r.Query == "?top=50&skip=1000");
    }

    [Fact]
    public async Task First_fetches_no_more_pages_than_needed()
    {
        var handler = new FakeHandler((request, _) => FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 100_000)));
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(pageSize: 100, first: 250), session.NewOperation(null)).ToListAsync();

        Assert.Equal(250, rows.Count);
        Assert.Equal(["?top=100", "?top=100&skip=100", "?top=50&skip=200"], handler.Requests.Select(r => r.Query).Order());
    }

    [Theory]
    [InlineData("referrals?top=2&skip={0}")]
    [InlineData("referrals?filter=status eq 'Accepted'&top=2&skip={0}")]
    [InlineData("https://api.test/partner/v1/analytics/referrals?top=2&skip={0}")]
    [InlineData("/partner/v1/analytics/referrals?top=2&skip={0}")]
    public async Task Without_a_total_count_next_links_are_followed(string linkFormat)
    {
        var handler = new FakeHandler((request, n) =>
        {
            var next = n < 3 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, linkFormat, n * 2) : null;
            return FakeHandler.Json(Pages.Envelope(((n - 1) * 2) + 1, 2, null, next));
        });
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(pageSize: 2), session.NewOperation(null)).ToListAsync();

        Assert.Equal(["1", "2", "3", "4", "5", "6"], rows.Select(r => r.Id));
        Assert.All(handler.Requests.Skip(1), r => Assert.StartsWith("https://api.test/partner/v1/analytics/referrals?", r.Uri.AbsoluteUri, StringComparison.Ordinal));
        if (linkFormat.Contains("filter", StringComparison.Ordinal))
        {
            Assert.Contains("filter=status%20eq%20'Accepted'", handler.Requests.Last().Uri.AbsoluteUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused_so_the_token_stays_home()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(Pages.Envelope(1, 2, null, "https://evil.test/referrals?skip=2")));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.InvalidNextLink", error.ErrorId);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Rows_repeated_across_pages_are_emitted_once()
    {
        // Page 2 starts one row early, as when a row is inserted between requests.
        var handler = new FakeHandler((request, n) => FakeHandler.Json(n == 1 ? Pages.Envelope(1, 3, 6) : Pages.Envelope(3, 3, 6)));
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(pageSize: 3), session.NewOperation(null)).ToListAsync();

        Assert.Equal(["1", "2", "3", "4", "5"], rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Grouped_rows_are_not_deduplicated()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json("""{"Value":[{"status":"Won","referralCount":1},{"status":"Won","referralCount":1}],"TotalCount":2}"""));
        using var session = TestSessions.Create(handler);

        var rows = await session.GetGroupsAsync(ReferralQuery.Create(null, ["status"], null, null, 0, null), session.NewOperation(null)).ToListAsync();

        Assert.Equal(2, rows.Count);
        Assert.Equal("?groupby=status&top=10000", Assert.Single(handler.Requests).Query);
    }

    [Fact]
    public async Task Stopping_the_consumer_stops_every_request()
    {
        var handler = FakeHandler.Async(async (request, _, token) =>
        {
            await Task.Delay(20, token);
            return FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 100_000));
        });
        using var session = TestSessions.Create(handler);

        var taken = 0;
        await foreach (var row in session.GetReferralsAsync(Query(pageSize: 100), session.NewOperation(null)))
        {
            if (++taken == 150)
            {
                break;
            }
        }

        var count = handler.Count;
        await Task.Delay(200);
        Assert.Equal(count, handler.Count);
        Assert.InRange(count, 2, 5);
    }

    [Fact]
    public async Task Cancelling_stops_the_stream_and_sends_nothing_more()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new FakeHandler((request, n) =>
        {
            if (n == 3)
            {
                cancel.Cancel();
            }

            return FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 100_000));
        });
        var options = TestSessions.FastOptions();
        options.MaxConcurrency = 1;
        using var session = TestSessions.Create(handler, options: options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await session.GetReferralsAsync(Query(pageSize: 100), session.NewOperation(null), cancellationToken: cancel.Token).ToListAsync());

        var count = handler.Count;
        await Task.Delay(100);
        Assert.Equal(count, handler.Count);
        Assert.InRange(count, 3, 4);
    }

    [Fact]
    public async Task A_429_lowers_the_concurrency()
    {
        var handler = new FakeHandler((request, n) => n == 2
            ? new System.Net.Http.HttpResponseMessage((HttpStatusCode)429)
            : FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 1000)));
        using var session = TestSessions.Create(handler);
        var operation = session.NewOperation(null);

        var rows = await session.GetReferralsAsync(Query(pageSize: 100), operation).ToListAsync();

        Assert.Equal(1000, rows.Count);
        Assert.Equal(1, operation.ThrottledCount);
        Assert.Equal(2, operation.Concurrency);
    }

    [Fact]
    public async Task Page_and_total_events_are_reported()
    {
        var handler = new FakeHandler((request, _) => FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 250)));
        using var session = TestSessions.Create(handler);
        var pages = new List<PageStats>();
        long? total = null;
        var listener = new PagingListener { TotalCount = t => total = t, PageArrived = p => { lock (pages) { pages.Add(p); } } };

        await session.GetReferralsAsync(Query(pageSize: 100), session.NewOperation(null), listener).ToListAsync();

        Assert.Equal(250, total);
        Assert.Equal([0L, 100L, 200L], pages.Select(p => p.Skip).Order());
        Assert.Equal(250, pages.Sum(p => p.Rows));
    }

    [Fact]
    public async Task A_malformed_body_names_the_request_id()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json("<html>Sign in to the proxy</html>"));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.MalformedResponse", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Equal(handler.Requests.Single().RequestId, error.RequestId);
        Assert.Contains(error.RequestId!, error.Message, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
