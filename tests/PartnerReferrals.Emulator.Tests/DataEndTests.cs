using System.Globalization;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Issue 21 item 8: generated data ends when the emulator starts (or at <see cref="EmulatorOptions.AsOf"/>), so the
/// README's "recent" examples find rows on any day. Asked through the API, as the module asks.
/// </summary>
public class DataEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] DateFields =
        ["createdDate", "acknowledgedDate", "acceptedDate", "declinedDate", "expiredDate", "missedDate", "skippedDate", "wonDate", "lostDate", "archivedDate"];

    [Fact]
    public async Task A_server_started_now_serves_referrals_changed_in_the_last_day_and_created_this_month()
    {
        var now = DateTime.UtcNow;
        var dayAgo = Literal(now.AddDays(-1));
        var changed = await CountAsync(string.Join(" or ", DateFields.Select(f => $"{f} ge {dayAgo}")));
        var createdThisMonth = await CountAsync($"createdDate ge {Literal(new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc))}");
        Assert.True(changed >= 1, "nothing changed in the last day");
        Assert.True(createdThisMonth >= 1, "nothing was created this month");
        Assert.Equal(0, await CountAsync(string.Join(" or ", DateFields.Select(f => $"{f} gt {Literal(now.AddSeconds(1))}"))));
    }

    [Fact]
    public async Task As_of_pins_the_end_of_the_data_and_a_seed_keeps_its_shape()
    {
        var asOf = new DateTimeOffset(2025, 2, 14, 8, 0, 0, TimeSpan.Zero);
        await using var pinned = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 5000, Seed = 11, AsOf = asOf });
        Assert.Equal(asOf.UtcDateTime, pinned.DataDates.Newest);
        Assert.Equal(asOf.UtcDateTime, pinned.Referrals[^1].CreatedDate);

        // The fixture's server has the same seed and count, started now: the same rows, moved in time.
        var shift = fixture.Server.Referrals[^1].CreatedDate!.Value - asOf.UtcDateTime;
        Assert.Equal(fixture.Server.Referrals.Select(r => (r.Id, r.Status, r.CustomerName, r.CreatedDate, r.WonDate)),
            pinned.Referrals.Select(r => (r.Id, r.Status, r.CustomerName, r.CreatedDate + shift, r.WonDate + shift)));
    }

    private async Task<int> CountAsync(string filter)
    {
        var (status, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("filter", filter), ("top", "1")));
        Assert.Equal(200, status);
        return body.GetProperty("TotalCount").GetInt32();
    }

    private static string Literal(DateTime utc) => "'" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "'";
}
