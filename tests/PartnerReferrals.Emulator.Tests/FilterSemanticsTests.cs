namespace PartnerReferrals.Emulator.Tests;

public class FilterSemanticsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Random_filters_return_exactly_the_rows_an_independent_evaluation_selects()
    {
        var rows = fixture.Server.Referrals;
        var generator = new RandomFilter(new Random(20261121), rows);
        var failures = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var (filter, matches) = generator.Next();
            var expected = rows.Where(matches).Select(r => r.Id).ToList();
            var (status, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("filter", filter)));
            if (status != 200)
            {
                failures.Add($"{status} for {filter}: {body}");
                continue;
            }

            var actual = body.GetProperty("Value").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
            if (!expected.SequenceEqual(actual) || body.GetProperty("TotalCount").GetInt32() != expected.Count)
            {
                failures.Add($"{filter}: expected {expected.Count} rows, got {actual.Count} (TotalCount {body.GetProperty("TotalCount")})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public async Task A_name_with_an_apostrophe_matches_when_the_quote_is_doubled()
    {
        var name = fixture.Server.Referrals.First(r => r.CustomerName!.Contains('\'', StringComparison.Ordinal)).CustomerName!;
        var expected = fixture.Server.Referrals.Count(r => r.CustomerName == name);
        Assert.Equal(expected, await CountAsync($"customerName eq '{name.Replace("'", "''", StringComparison.Ordinal)}'"));
        Assert.Equal(expected, await CountAsync($"customerName eq '{name.ToUpperInvariant().Replace("'", "''", StringComparison.Ordinal)}'"));
    }

    [Theory]
    [InlineData("contains(customerName,'o''brien')")]
    [InlineData("contains(customerName,'MÜLLER')")]
    [InlineData("contains(customerName,'société générale étoile')")]
    public async Task Quotes_and_non_ascii_names_compare_ignoring_case(string filter)
    {
        var (status, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("filter", filter)));
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("TotalCount").GetInt32() > 0, filter);
    }

    [Fact]
    public async Task And_binds_tighter_than_or()
    {
        var loose = await CountAsync("status eq 'Won' or status eq 'Lost' and customerMarket eq 'US'");
        var explicitGrouping = await CountAsync("status eq 'Won' or (status eq 'Lost' and customerMarket eq 'US')");
        var otherGrouping = await CountAsync("(status eq 'Won' or status eq 'Lost') and customerMarket eq 'US'");
        Assert.Equal(explicitGrouping, loose);
        Assert.NotEqual(otherGrouping, loose);
    }

    [Fact]
    public async Task A_zone_is_converted_to_utc_and_a_missing_zone_means_utc()
    {
        Assert.Equal(
            await CountAsync("createdDate ge '2020-01-01T00:00:00'"),
            await CountAsync("createdDate ge cast('2020-01-01T02:00:00+02:00', Edm.DateTimeOffset)"));
        Assert.Equal(await CountAsync("createdDate ge '2020-01-01'"), await CountAsync("createdDate ge '2020-01-01T00:00:00Z'"));
    }

    [Fact]
    public async Task Null_comparisons_follow_the_documented_rules()
    {
        var total = fixture.Server.Referrals.Count;
        var withWon = fixture.Server.Referrals.Count(r => r.WonDate is not null);
        Assert.Equal(total - withWon, await CountAsync("wonDate eq null"));
        Assert.Equal(withWon, await CountAsync("wonDate ne null"));
        Assert.Equal(0, await CountAsync("wonDate gt null"));
        Assert.Equal(total, await CountAsync("wonDate ne '2001-01-01'"));
        Assert.Equal(withWon, await CountAsync("wonDate gt '2001-01-01'"));
    }

    private async Task<int> CountAsync(string filter)
    {
        var (status, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("filter", filter), ("top", "1")));
        Assert.True(status == 200, $"{status}: {body}");
        return body.GetProperty("TotalCount").GetInt32();
    }
}
