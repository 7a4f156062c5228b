using System.Globalization;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

public class GroupingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string?, string?> Combinations()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var groupBy in new[] { "status", "status,createdDate", "customerMarket,customerOrgSize", "createdDate,wonDate", "partnerMarket,acceptedDate" })
        {
            foreach (var level in new[] { null, "day", "week", "month", "MONTH" })
            {
                if (level is null || groupBy.Contains("Date", StringComparison.Ordinal))
                {
                    data.Add(groupBy, level, null);
                    data.Add(groupBy, level, "customerMarket eq 'US' or status eq 'Won'");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Grouped_counts_add_up_to_the_ungrouped_total(string groupBy, string? level, string? filter)
    {
        var parameters = new List<(string, string)> { ("groupby", groupBy), ("top", "10000") };
        if (level is not null)
        {
            parameters.Add(("aggregationLevel", level));
        }

        var ungrouped = filter is null ? [("top", "1")] : new[] { ("filter", filter), ("top", "1") };
        if (filter is not null)
        {
            parameters.Add(("filter", filter));
        }

        var pages = await PageReader.ReadAllAsync(fixture.Server, fixture.Client, EmulatorHttp.ReferralsUrl([.. parameters]));
        var (_, total) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(ungrouped));
        Assert.Equal(total.GetProperty("TotalCount").GetInt32(), pages.Rows.Sum(r => r.GetProperty("referralCount").GetInt32()));
        Assert.Equal(pages.Rows.Count, pages.TotalCounts[0]);

        foreach (var row in pages.Rows)
        {
            // Exactly the grouped fields plus the count.
            Assert.Equal(groupBy.Split(',').Append("referralCount").Order(), row.EnumerateObject().Select(p => p.Name).Order());
            foreach (var dateField in groupBy.Split(',').Where(f => f.EndsWith("Date", StringComparison.Ordinal)))
            {
                AssertBucketStart(row.GetProperty(dateField), level?.ToLowerInvariant() ?? "day");
            }
        }
    }

    [Fact]
    public async Task Counts_per_status_match_an_independent_count()
    {
        var (_, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("groupby", "status")));
        var actual = body.GetProperty("Value").EnumerateArray()
            .ToDictionary(r => r.GetProperty("status").GetString()!, r => r.GetProperty("referralCount").GetInt32());
        var expected = fixture.Server.Referrals.GroupBy(r => r.Status!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Weekly_counts_match_an_independent_monday_bucketing()
    {
        var (_, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("groupby", "createdDate"), ("aggregationLevel", "week")));
        var actual = body.GetProperty("Value").EnumerateArray()
            .ToDictionary(r => r.GetProperty("createdDate").GetString()!, r => r.GetProperty("referralCount").GetInt32());
        var expected = fixture.Server.Referrals
            .GroupBy(r => r.CreatedDate!.Value.Date.AddDays(-(((int)r.CreatedDate!.Value.DayOfWeek + 6) % 7)))
            .ToDictionary(g => g.Key.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), g => g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Groups_page_with_next_links_that_keep_groupby_and_level()
    {
        var first = EmulatorHttp.ReferralsUrl(("groupby", "customerMarket,createdDate"), ("aggregationLevel", "month"), ("top", "37"));
        var pages = await PageReader.ReadAllAsync(fixture.Server, fixture.Client, first);
        var all = await PageReader.ReadAllAsync(fixture.Server, fixture.Client, first.Replace("top=37", "top=10000", StringComparison.Ordinal));
        Assert.All(pages.NextLinks, link => Assert.Contains("groupby=customerMarket%2CcreatedDate", link, StringComparison.Ordinal));
        Assert.All(pages.NextLinks, link => Assert.Contains("aggregationLevel=month", link, StringComparison.Ordinal));
        Assert.Equal(all.Rows.Select(r => r.GetRawText()), pages.Rows.Select(r => r.GetRawText()));
        Assert.All(pages.TotalCounts, count => Assert.Equal(all.Rows.Count, count));
    }

    private static void AssertBucketStart(JsonElement value, string level)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var date = DateTime.ParseExact(value.GetString()!, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, date.TimeOfDay);
        if (level == "week")
        {
            Assert.Equal(DayOfWeek.Monday, date.DayOfWeek);
        }
        else if (level == "month")
        {
            Assert.Equal(1, date.Day);
        }
    }
}
