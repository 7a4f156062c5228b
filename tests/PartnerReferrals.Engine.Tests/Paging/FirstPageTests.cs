using System.Globalization;
using System.Web;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Paging;

/// <summary>
/// A referral pull that wants more than a page starts with a short first page, so the first row comes sooner,
/// and must still read every row exactly once, in order, at full pages afterwards: with a TotalCount, without one
/// (next links), and when the server's own page limit lies between the two sizes.
/// </summary>
public sealed class FirstPageTests
{
    private static ReferralQuery Query(int? pageSize = null, long? first = null, int? throttleLimit = null) =>
        ReferralQuery.Create(null, null, null, pageSize, 0, first).WithThrottleLimit(throttleLimit);

    private static IEnumerable<string> Ids(int count) => Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture));

    /// <summary>An API of <paramref name="total"/> rows that answers at most <paramref name="cap"/> a page, with or without a count and next links.</summary>
    private static FakeHandler Api(long total, int cap = 10_000, bool includeTotal = true) => new((request, _) =>
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var skip = long.Parse(query["skip"] ?? "0", CultureInfo.InvariantCulture);
        var top = Math.Min(cap, int.Parse(query["top"] ?? "10000", CultureInfo.InvariantCulture));
        var count = (int)Math.Max(0, Math.Min(top, total - skip));
        var next = skip + count < total ? "referrals?top=" + top.ToString(CultureInfo.InvariantCulture) + "&skip=" + (skip + count).ToString(CultureInfo.InvariantCulture) : null;
        return FakeHandler.Json(Pages.Envelope(skip + 1, count, includeTotal ? total : null, includeTotal ? null : next));
    });

    private static string[] Queries(FakeHandler handler) => handler.Requests.Select(r => r.Query).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_large_pull_asks_for_1000_rows_first_then_full_pages()
    {
        var handler = Api(25_000);
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync();

        Assert.Equal(Ids(25_000), rows.Select(r => r.Id));
        Assert.Equal(PartnerReferralsSession.FirstPageRows, 1000);
        Assert.Equal(["?top=1000", "?top=10000&skip=1000", "?top=10000&skip=11000", "?top=4000&skip=21000"], Queries(handler));
    }

    [Fact]
    public async Task A_result_that_fits_the_first_page_costs_one_request()
    {
        var handler = Api(600);
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync();

        Assert.Equal(Ids(600), rows.Select(r => r.Id));
        Assert.Equal(["?top=1000"], Queries(handler));
    }

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(1500, 2)]
    public async Task First_splits_only_when_it_wants_more_than_the_first_page(long first, int requests)
    {
        var handler = Api(100_000);
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(first: first), session.NewOperation(null)).ToListAsync();

        Assert.Equal(Ids((int)first), rows.Select(r => r.Id));
        Assert.Equal(requests, handler.Count);
        Assert.Contains("?top=1000", Queries(handler));
    }

    [Fact]
    public async Task A_page_size_at_or_below_the_first_page_keeps_every_request_at_that_size()
    {
        var handler = Api(2_500);
        using var session = TestSessions.Create(handler);

        await session.GetReferralsAsync(Query(pageSize: 1000), session.NewOperation(null)).ToListAsync();

        Assert.Equal(["?top=1000", "?top=1000&skip=1000", "?top=500&skip=2000"], Queries(handler));
    }

    [Theory]
    [InlineData(3_000)]
    [InlineData(1_000)]
    [InlineData(999)]
    [InlineData(400)]
    public async Task A_server_page_limit_below_the_page_size_skips_no_row(int cap)
    {
        var handler = Api(23_456, cap);
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync();

        // Each row once and in order: a limit the first page could not show is found on the first full page.
        Assert.Equal(Ids(23_456), rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Once_the_server_limit_is_found_later_pages_keep_to_it()
    {
        var handler = Api(30_000, cap: 3_000);
        using var session = TestSessions.Create(handler);

        await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync();

        // The pages planned at 10,000 before the limit showed are dropped; everything after asks for 3,000.
        var planned = Queries(handler).Where(q => q.Contains("skip=", StringComparison.Ordinal)).ToArray();
        Assert.Contains("?top=3000&skip=4000", planned);
        Assert.Contains("?top=2000&skip=28000", planned);
        Assert.True(handler.Count <= 1 + 4 + 9, "Requests: " + string.Join(" ", planned));
    }

    [Fact]
    public async Task Without_a_total_count_the_second_page_is_asked_for_at_full_size_and_its_links_followed()
    {
        var handler = Api(25_000, includeTotal: false);
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync();

        Assert.Equal(Ids(25_000), rows.Select(r => r.Id));
        Assert.Equal(["?top=1000", "?top=10000&skip=1000", "?top=10000&skip=11000", "?top=10000&skip=21000"], Queries(handler));
    }

    [Fact]
    public async Task One_page_at_a_time_keeps_a_full_first_page()
    {
        var handler = Api(25_000);
        using var session = TestSessions.Create(handler);

        await session.GetReferralsAsync(Query(throttleLimit: 1), session.NewOperation(null)).ToListAsync();

        // Sequential requests gain nothing from a short first page: it would only add a round trip.
        Assert.Equal(["?top=10000", "?top=10000&skip=10000", "?top=5000&skip=20000"], Queries(handler));
    }

    [Fact]
    public async Task A_summary_keeps_a_full_first_page()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json("""{"Value":[{"status":"Won","referralCount":3}],"TotalCount":1}"""));
        using var session = TestSessions.Create(handler);

        await session.GetGroupsAsync(ReferralQuery.Create(null, ["status"], null, null, 0, null), session.NewOperation(null)).ToListAsync();

        Assert.Equal("?groupby=status&top=10000", Assert.Single(handler.Requests).Query);
    }
}
