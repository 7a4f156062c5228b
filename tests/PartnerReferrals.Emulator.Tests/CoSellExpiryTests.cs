using System.Net.Http;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>Incoming New referrals expire after 14 days (§1.1, §5.5 item 5), seen when the clock hook moves (choice 25).</summary>
public class CoSellExpiryTests
{
    private static async Task<List<string>> IncomingNewAsync(CoSellFixture fixture)
    {
        var (items, _) = await fixture.ListAllAsync(CoSellFixture.List("$filter=direction eq 'Incoming' and status eq 'New'&$select=id"));
        return items.Select(i => i.GetProperty("id").GetString()!).ToList();
    }

    [Fact]
    public async Task Advancing_the_clock_15_days_through_the_endpoint_closes_every_incoming_new_referral_as_expired()
    {
        var fixture = new CoSellFixture();
        await fixture.InitializeAsync();
        try
        {
            var open = await IncomingNewAsync(fixture);
            Assert.NotEmpty(open);
            var etag = (string)fixture.Find(r => (string)r["id"]! == open[0])["eTag"]!;

            var (status, clock, response) = await fixture.SendAsync(HttpMethod.Post, "emulator/cosell/clock?advanceDays=15");
            response.Dispose();

            Assert.Equal(200, status);
            Assert.Equal(15, clock.GetProperty("offsetDays").GetDouble());
            Assert.Empty(await IncomingNewAsync(fixture));
            var (_, expired) = await fixture.GetAsync(CoSellFixture.Item(open[0]));
            Assert.Equal(("Closed", "Expired"), (expired.GetProperty("status").GetString(), expired.GetProperty("substatus").GetString()));
            Assert.NotEqual(etag, expired.GetProperty("eTag").GetString());
            Assert.Equal(DateTimeOffset.Parse(expired.GetProperty("createdDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(14),
                DateTimeOffset.Parse(expired.GetProperty("closedDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_referral_not_yet_14_days_old_stays_new_and_the_start_option_moves_the_clock_too()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, CoSellReferralCount = 200, CoSellClockOffset = TimeSpan.FromDays(13.5) });

        var rows = server.CoSellReferrals.Where(r => (string?)r["direction"] == "Incoming").ToList();
        var ages = rows.Select(r => (Status: (string)r["status"]! + "/" + (string)r["substatus"]!, Age: DateTimeOffset.UtcNow - DateTimeOffset.Parse((string)r["createdDateTime"]!, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Contains(ages, a => a.Status.StartsWith("New/", StringComparison.Ordinal));
        Assert.All(ages.Where(a => a.Status.StartsWith("New/", StringComparison.Ordinal)), a => Assert.True(a.Age < TimeSpan.FromDays(0.5) + TimeSpan.FromMinutes(5), a.Age.ToString()));
        // Generated data never holds an Expired referral younger than 14 days: these expired on the moved clock.
        Assert.Contains(ages, a => a.Status == "Closed/Expired" && a.Age < TimeSpan.FromDays(14));
    }

    [Fact]
    public async Task The_clock_endpoint_refuses_a_value_that_is_not_a_number_of_days()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, CoSellReferralCount = 5 });
        using var client = EmulatorHttp.Client(server);

        using var response = await client.PostAsync("emulator/cosell/clock?advanceDays=soon", null);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(TimeSpan.Zero, server.CoSellClockOffset);
    }
}
