using System.Globalization;
using System.Net.Http;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Trust;

public class PagingLoopTests
{
    // Before the fix these servers were paged forever; the cap turns a regression into a failure, not a hang.
    private const int RequestCap = 2_000;

    private static ReferralQuery Query(int pageSize = 2) => ReferralQuery.Create(null, null, null, pageSize, 0, null);

    private static FakeHandler Capped(Func<HttpRequestMessage, int, HttpResponseMessage> respond) => new((request, n) =>
        n > RequestCap ? throw new InvalidOperationException("the pager kept requesting") : respond(request, n));

    [Fact]
    public async Task Next_links_that_cycle_between_two_pages_end_with_a_paging_loop_error()
    {
        // A -> B -> A: the link of page B leads back to page A, never equal to the current page.
        var handler = Capped((request, n) => FakeHandler.Json(
            request.RequestUri!.Query.Contains("skip=2", StringComparison.Ordinal)
                ? Pages.Envelope(3, 2, null, "referrals?top=2&skip=0")
                : Pages.Envelope(1, 2, null, "referrals?top=2&skip=2")));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.PagingLoop", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.InRange(handler.Count, 2, 4);
    }

    [Fact]
    public async Task A_next_link_to_the_page_itself_is_a_paging_loop_too()
    {
        var handler = Capped((_, _) => FakeHandler.Json(Pages.Envelope(1, 2, null, "referrals?top=2")));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.PagingLoop", error.ErrorId);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Endless_new_links_to_the_same_rows_end_once_pages_bring_nothing_new()
    {
        // Every link is new (skip grows), but the server ignores skip and sends the same rows.
        var handler = Capped((_, n) => FakeHandler.Json(Pages.Envelope(1, 2, null, "referrals?top=2&skip=" + (n * 2).ToString(CultureInfo.InvariantCulture))));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.PagingLoop", error.ErrorId);
        Assert.InRange(handler.Count, 4, 6);
    }

    [Fact]
    public async Task Endless_links_beyond_what_the_total_count_allows_end_with_a_paging_loop_error()
    {
        // The first page has no count (so links are followed); later pages say 10 rows, yet the links never end.
        var handler = Capped((_, n) => FakeHandler.Json(Pages.Envelope(((n - 1) * 2) + 1, 2, n == 1 ? null : 10, "referrals?top=2&skip=" + (n * 2).ToString(CultureInfo.InvariantCulture))));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(Query(), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.PagingLoop", error.ErrorId);
        Assert.Contains("TotalCount", error.Message, StringComparison.Ordinal);
        Assert.InRange(handler.Count, 5, 8);
    }

    [Fact]
    public async Task Grouped_rows_behind_cycling_links_end_with_the_error_too()
    {
        var handler = Capped((request, _) => FakeHandler.Json(
            request.RequestUri!.Query.Contains("skip=1", StringComparison.Ordinal)
                ? "{\"Value\":[{\"status\":\"Won\",\"referralCount\":2}],\"@nextLink\":\"referrals?groupby=status&top=1&skip=0\"}"
                : "{\"Value\":[{\"status\":\"Lost\",\"referralCount\":1}],\"@nextLink\":\"referrals?groupby=status&top=1&skip=1\"}"));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () =>
            await session.GetGroupsAsync(ReferralQuery.Create(null, ["status"], null, 1, 0, null), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.PagingLoop", error.ErrorId);
        Assert.InRange(handler.Count, 2, 4);
    }
}
