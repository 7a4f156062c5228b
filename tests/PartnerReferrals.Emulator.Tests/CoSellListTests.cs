using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>GET /v1.0/engagements/referrals: the OData subset of API-COSELL.md §1.1 and choices 1–6, 24.</summary>
public class CoSellListTests(CoSellFixture fixture) : IClassFixture<CoSellFixture>
{
    private static string Text(JsonElement item, params string[] path)
    {
        foreach (var step in path)
        {
            item = item.GetProperty(step);
        }

        return item.GetString()!;
    }

    [Theory]
    [InlineData("$top=10&$filter=(type eq 'Shared' and direction eq 'Incoming')&$orderby=createdDateTime desc", "type", "Shared", "direction", "Incoming")]
    [InlineData("$top=10&$filter=(direction eq 'Incoming' and substatus eq 'Pending')&$orderby=createdDateTime desc", "direction", "Incoming", "substatus", "Pending")]
    public async Task The_documented_sample_requests_return_ten_matching_referrals_newest_first(string query, string field1, string value1, string field2, string value2)
    {
        var (status, body) = await fixture.GetAsync(CoSellFixture.List(query));

        Assert.Equal(200, status);
        var items = body.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.All(items, item => Assert.Equal((value1, value2), (Text(item, field1), Text(item, field2))));
        var created = items.Select(item => Text(item, "createdDateTime")).ToList();
        Assert.Equal(created.OrderByDescending(c => c, StringComparer.Ordinal), created);
        Assert.False(body.TryGetProperty("@odata.nextLink", out _), "$top=10 is the whole answer");
    }

    [Fact]
    public async Task The_documented_team_any_sample_finds_only_referrals_whose_team_has_that_email()
    {
        var email = "admin@emulated-partner.onmicrosoft.com";
        var (items, _) = await fixture.ListAllAsync(CoSellFixture.List(
            $"$filter=status eq 'Active' and direction eq 'Outgoing' and type eq 'Shared' and team/any(t:t/email eq '{email}')&$orderby=createdDateTime desc"));

        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            Assert.Equal(("Active", "Outgoing", "Shared"), (Text(item, "status"), Text(item, "direction"), Text(item, "type")));
            Assert.Contains(email, item.GetProperty("team").EnumerateArray().Select(m => Text(m, "email")));
        });
    }

    [Fact]
    public async Task Pages_hold_100_and_next_links_lead_through_every_referral_once_in_order()
    {
        var (first, firstBody) = await fixture.GetAsync(CoSellFixture.List("$count=true"));
        var (items, pages) = await fixture.ListAllAsync(CoSellFixture.List("$orderby=updatedDateTime asc"));

        Assert.Equal(200, first);
        Assert.Equal(100, firstBody.GetProperty("value").GetArrayLength());
        Assert.Contains("$skiptoken", Uri.UnescapeDataString(firstBody.GetProperty("@odata.nextLink").GetString()!), StringComparison.Ordinal);
        Assert.Equal(450, firstBody.GetProperty("@odata.count").GetInt32());
        Assert.Equal(5, pages);
        Assert.Equal(450, items.Select(item => Text(item, "id")).Distinct().Count());
        var updated = items.Select(item => Text(item, "updatedDateTime")).ToList();
        Assert.Equal(updated.Order(StringComparer.Ordinal), updated);
    }

    [Fact]
    public async Task Top_limits_the_whole_result_and_skip_starts_it_later()
    {
        var (all, _) = await fixture.ListAllAsync(CoSellFixture.List("$orderby=createdDateTime desc"));
        var (window, pages) = await fixture.ListAllAsync(CoSellFixture.List("$orderby=createdDateTime desc&$top=250&$skip=10"));

        Assert.Equal(3, pages);
        Assert.Equal(all.Skip(10).Take(250).Select(i => Text(i, "id")), window.Select(i => Text(i, "id")));
    }

    [Fact]
    public async Task Count_is_sent_only_when_asked_for()
    {
        var (_, body) = await fixture.GetAsync(CoSellFixture.List("$top=1"));
        Assert.False(body.TryGetProperty("@odata.count", out _));
    }

    [Fact]
    public async Task Select_returns_only_the_named_fields()
    {
        var (status, body) = await fixture.GetAsync(CoSellFixture.List("$select=id,status,customerProfile&$top=3"));

        Assert.Equal(200, status);
        Assert.All(body.GetProperty("value").EnumerateArray(), item =>
            Assert.Equal(["customerProfile", "id", "status"], item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Nested_paths_parentheses_or_and_not_filter_as_written()
    {
        var (items, _) = await fixture.ListAllAsync(CoSellFixture.List(
            "$filter=customerProfile/address/country eq 'US' and (status eq 'Closed' or substatus eq 'Accepted') and not (direction eq 'Outgoing')"));

        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            Assert.Equal("US", Text(item, "customerProfile", "address", "country"));
            Assert.True(Text(item, "status") == "Closed" || Text(item, "substatus") == "Accepted");
            Assert.Equal("Incoming", Text(item, "direction"));
        });
    }

    [Fact]
    public async Task Enum_values_match_ignoring_case_and_come_back_canonical()
    {
        var (lower, _) = await fixture.ListAllAsync(CoSellFixture.List("$filter=status eq 'new'"));
        var (canonical, _) = await fixture.ListAllAsync(CoSellFixture.List("$filter=status eq 'New'"));

        Assert.NotEmpty(lower);
        Assert.Equal(canonical.Select(i => Text(i, "id")), lower.Select(i => Text(i, "id")));
        Assert.All(lower, item => Assert.Equal("New", Text(item, "status")));
    }

    [Fact]
    public async Task Dates_compare_as_dates()
    {
        var (all, _) = await fixture.ListAllAsync(CoSellFixture.List("$orderby=createdDateTime asc"));
        var middle = Text(all[all.Count / 2], "createdDateTime");
        var (later, _) = await fixture.ListAllAsync(CoSellFixture.List($"$filter=createdDateTime gt {middle}&$orderby=createdDateTime asc"));

        Assert.Equal(all.Where(i => string.CompareOrdinal(Text(i, "createdDateTime"), middle) > 0).Select(i => Text(i, "id")), later.Select(i => Text(i, "id")));
    }

    [Theory]
    [InlineData("$filter=colour eq 'red'", "colour")]
    [InlineData("$filter=status eq", "value")]
    [InlineData("$filter=(status eq 'New'", ")")]
    [InlineData("$orderby=name asc", "name")]
    [InlineData("$select=id,colour", "colour")]
    [InlineData("$top=-1", "$top")]
    [InlineData("$skiptoken=nonsense", "$skiptoken")]
    public async Task An_option_the_api_does_not_have_is_400_invalidRequest_naming_it(string query, string named)
    {
        var (status, body) = await fixture.GetAsync(CoSellFixture.List(query));

        Assert.Equal(400, status);
        Assert.Equal("invalidRequest", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(named, body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
