namespace PartnerReferrals.Emulator.Tests;

public class PagingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(1000, null)]
    [InlineData(333, null)]
    [InlineData(10000, null)]
    [InlineData(7, "status eq 'Won' and customerMarket eq 'US'")]
    [InlineData(97, "createdDate ge '2022-01-01' or contains(customerName,'gmbh')")]
    public async Task Paging_yields_every_row_once_in_the_stable_order(int top, string? filter)
    {
        var expected = fixture.Server.Referrals;
        var parameters = new List<(string, string)> { ("top", top.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (filter is not null)
        {
            parameters.Insert(0, ("filter", filter));
            var match = (await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("filter", filter)))).Body;
            expected = match.GetProperty("Value").EnumerateArray().Select(r => fixture.Server.Referrals.Single(x => x.Id == r.GetProperty("id").GetString())).ToList();
        }

        var pages = await PageReader.ReadAllAsync(fixture.Server, fixture.Client, EmulatorHttp.ReferralsUrl([.. parameters]));
        var ids = pages.Rows.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(expected.Select(r => r.Id), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(pages.TotalCounts, count => Assert.Equal(expected.Count, count));
        Assert.Equal((expected.Count + top - 1) / top, Math.Max(1, pages.TotalCounts.Count));
        if (filter is not null)
        {
            Assert.All(pages.NextLinks, link => Assert.Contains("filter=" + Uri.EscapeDataString(filter), link, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Pages_fetched_concurrently_equal_pages_fetched_in_turn()
    {
        // A client that knows TotalCount fetches later pages in parallel; the cached query result must hold up.
        // The date cuts the data (which ends when the server starts) at three quarters, so the filter keeps 12 pages.
        var cut = fixture.Server.Referrals[fixture.Server.Referrals.Count * 3 / 4].CreatedDate!.Value;
        var filter = "status ne 'Created' and createdDate lt '" + cut.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "'";
        var skips = Enumerable.Range(0, 12).Select(i => i * 250).ToList();
        var parallel = await Task.WhenAll(skips.Select(skip => fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(
            ("filter", filter), ("top", "250"), ("skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture))))));
        var sequential = await PageReader.ReadAllAsync(fixture.Server, fixture.Client,
            EmulatorHttp.ReferralsUrl(("filter", filter), ("top", "250")), maxPages: skips.Count);
        Assert.Equal(
            sequential.Rows.Select(r => r.GetProperty("id").GetString()),
            parallel.SelectMany(p => p.Body.GetProperty("Value").EnumerateArray()).Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_stable_order_is_created_date_then_id()
    {
        var rows = fixture.Server.Referrals;
        for (var i = 1; i < rows.Count; i++)
        {
            var order = Nullable.Compare(rows[i - 1].CreatedDate, rows[i].CreatedDate);
            Assert.True(order < 0 || (order == 0 && string.CompareOrdinal(rows[i - 1].Id, rows[i].Id) < 0), $"rows {i - 1} and {i}");
        }

        var (_, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("top", "5"), ("skip", "100")));
        Assert.Equal(rows.Skip(100).Take(5).Select(r => r.Id), body.GetProperty("Value").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Next_link_is_relative_encoded_and_keeps_unknown_parameters()
    {
        var (_, body) = await fixture.GetJsonAsync("partner/v1/analytics/referrals?Filter=status%20eq%20%27Won%27&TOP=2&marker=a%2Bb&skip=4");
        Assert.Equal("referrals?Filter=status%20eq%20%27Won%27&TOP=2&marker=a%2Bb&skip=6", body.GetProperty("@nextLink").GetString());
    }

    [Fact]
    public async Task Skip_past_the_end_returns_an_empty_last_page()
    {
        var (status, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("skip", "999999")));
        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("Value").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("@nextLink").ValueKind);
        Assert.Equal(fixture.Server.Referrals.Count, body.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Rows_use_the_documented_field_names_date_form_and_nulls()
    {
        var row = fixture.Server.Referrals.First(r => r.WonDate is null);
        var index = fixture.Server.Referrals.ToList().IndexOf(row);
        var (_, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("top", "1"), ("skip", index.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var json = body.GetProperty("Value")[0];
        Assert.Equal(
            ["id", "status", "customerMarket", "customerName", "customerOrgSize", "acceptedDate", "acknowledgedDate", "archivedDate", "declinedDate",
             "expiredDate", "lostDate", "missedDate", "createdDate", "skippedDate", "wonDate", "partnerMarket"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(row.CreatedDate!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("createdDate").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("wonDate").ValueKind);
    }
}
