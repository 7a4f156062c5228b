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
    public void A_repeat_within_the_capacity_is_dropped_and_one_beyond_it_is_not()
    {
        var recent = new RecentIds(3);
        Assert.True(recent.Add("a"));
        Assert.True(recent.Add("b"));
        Assert.False(recent.Add("a"));
        Assert.True(recent.Add("c"));
        Assert.True(recent.Add("d"));

        Assert.True(recent.Add("a"));
        Assert.Equal(1, recent.Repeats);
    }

    [Fact]
    public void The_ids_held_never_exceed_the_capacity_in_a_long_pull()
    {
        var recent = new RecentIds(1000);
        var maxHeld = 0;

        for (var row = 0; row < 100_000; row++)
        {
            Assert.True(recent.Add(row.ToString(CultureInfo.InvariantCulture)));
            maxHeld = Math.Max(maxHeld, recent.Count);
        }

        Assert.Equal(1000, maxHeld);
        Assert.Equal(0, recent.Repeats);
    }

    [Fact]
    public async Task Rows_pushed_back_by_more_than_the_old_page_window_are_still_emitted_once()
    {
        // 25 pages of 40 rows; after page 4, 300 rows are inserted ahead of all others: every row read so far moves
        // back 300 places (7.5 pages, more than the 5-page window that let 25,000 duplicates through).
        var inserted = false;
        var handler = new FakeHandler((request, n) =>
        {
            var skip = long.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["skip"] ?? "0", CultureInfo.InvariantCulture);
            inserted |= n > 4;
            var total = inserted ? 1300 : 1000;
            var count = (int)Math.Max(0, Math.Min(40, total - skip));
            var text = new System.Text.StringBuilder("{\"Value\":[");
            for (var i = 0; i < count; i++)
            {
                var position = skip + i;
                var id = inserted ? (position < 300 ? "new-" + position : (position - 300 + 1).ToString(CultureInfo.InvariantCulture)) : (position + 1).ToString(CultureInfo.InvariantCulture);
                text.Append(i > 0 ? "," : string.Empty).Append("{\"id\":\"").Append(id).Append("\"}");
            }

            return FakeHandler.Json(text.Append("],\"TotalCount\":").Append(total).Append('}').ToString());
        });
        var options = TestSessions.FastOptions();
        options.MaxConcurrency = 1;
        using var session = TestSessions.Create(handler, options: options);

        var rows = await session.GetReferralsAsync(ReferralQuery.Create(null, null, null, 40, 0, null), session.NewOperation(null)).ToListAsync();

        var ids = rows.Select(r => r.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }
}
