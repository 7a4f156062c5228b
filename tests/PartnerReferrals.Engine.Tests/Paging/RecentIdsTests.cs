using System.Globalization;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Paging;

public class RecentIdsTests
{
    [Fact]
    public async Task A_row_repeated_at_the_start_of_every_next_page_is_emitted_once()
    {
        // Every later page starts one row early, as when a row is inserted before each request.
        var handler = new FakeHandler((request, _) =>
        {
            var skip = long.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["skip"] ?? "0", CultureInfo.InvariantCulture);
            return FakeHandler.Json(skip == 0 ? Pages.Envelope(1, 10, 300) : Pages.Envelope(skip, 10, 300));
        });
        using var session = TestSessions.Create(handler);

        var rows = await session.GetReferralsAsync(ReferralQuery.Create(null, null, null, 10, 0, null), session.NewOperation(null)).ToListAsync();

        var ids = rows.Select(r => r.Id).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal(Enumerable.Range(1, 299).Select(i => i.ToString(CultureInfo.InvariantCulture)), ids);
    }

    [Fact]
    public void A_repeat_within_the_window_is_dropped_and_one_beyond_it_is_not()
    {
        var window = new RecentIds(3);
        window.StartPage();
        Assert.True(window.Add("a"));
        window.StartPage();
        Assert.False(window.Add("a"));
        window.StartPage();
        Assert.False(window.Add("a"));
        window.StartPage();

        Assert.True(window.Add("a"));
    }

    [Fact]
    public void The_ids_held_never_exceed_the_window_times_the_page_size_in_a_long_pull()
    {
        const int pageSize = 100;
        var windowPages = PageStreamer<object>.WindowPages(4);
        var window = new RecentIds(windowPages);
        var maxHeld = 0;

        for (var page = 0; page < 1_000; page++)
        {
            window.StartPage();
            for (var row = 0; row < pageSize; row++)
            {
                Assert.True(window.Add((page * pageSize + row).ToString(CultureInfo.InvariantCulture)));
                maxHeld = Math.Max(maxHeld, window.Count);
            }
        }

        Assert.Equal(5, windowPages);
        Assert.Equal(windowPages * pageSize, maxHeld);
    }
}
