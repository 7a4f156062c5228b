using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>The generated co-sell referrals: seeded, ending at the start time, a realistic mix with valid substatuses (§3.3).</summary>
public class CoSellDataTests
{
    private static readonly DateTimeOffset End = new(2026, 6, 30, 15, 20, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string[]> Substatuses = new()
    {
        ["New"] = ["Pending", "Received"],
        ["Active"] = ["Accepted"],
        ["Closed"] = ["Won", "Lost", "Declined", "Expired"],
    };

    private static List<JsonObject> Generate(int seed = 3) => CoSellDataGenerator.Generate(300, seed, End);

    [Fact]
    public void The_same_seed_gives_the_same_referrals_and_another_seed_others()
    {
        Assert.Equal(Generate().Select(r => r.ToJsonString()), Generate().Select(r => r.ToJsonString()));
        Assert.NotEqual(Generate().Select(r => (string)r["id"]!), Generate(4).Select(r => (string)r["id"]!));
    }

    [Fact]
    public void Every_status_has_a_substatus_that_belongs_to_it_and_every_kind_occurs()
    {
        var rows = Generate();

        Assert.All(rows, r => Assert.Contains((string)r["substatus"]!, Substatuses[(string)r["status"]!]));
        Assert.Equal(["Active/Accepted", "Closed/Declined", "Closed/Expired", "Closed/Lost", "Closed/Won", "New/Pending", "New/Received"],
            rows.Select(r => (string)r["status"]! + "/" + (string)r["substatus"]!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["Incoming", "Outgoing"], rows.Select(r => (string)r["direction"]!).Distinct().Order(StringComparer.Ordinal));
        Assert.True(rows.Select(r => (string)r["customerProfile"]!["address"]!["country"]!).Distinct().Count() > 5);
        Assert.True(rows.Select(r => (string)r["details"]!["currency"]!).Distinct().Count() > 3);
        Assert.True(rows.Select(r => (string)r["customerProfile"]!["size"]!).Distinct().Count() > 5);
    }

    [Fact]
    public void Data_ends_at_the_start_and_some_incoming_new_ones_are_from_today_while_none_is_past_its_14_days()
    {
        var rows = Generate();
        var dates = rows.SelectMany(r => new[] { r["createdDateTime"], r["updatedDateTime"], r["closedDateTime"] })
            .Where(d => d is not null).Select(d => DateTimeOffset.Parse((string)d!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var incomingNew = rows.Where(r => (string)r["status"]! == "New" && (string)r["direction"]! == "Incoming").ToList();

        Assert.Equal(End, dates.Max());
        Assert.Contains(incomingNew, r => DateTimeOffset.Parse((string)r["createdDateTime"]!, System.Globalization.CultureInfo.InvariantCulture).Date == End.Date);
        Assert.All(incomingNew, r => Assert.True(End - DateTimeOffset.Parse((string)r["createdDateTime"]!, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromDays(14)));
    }

    [Fact]
    public void Some_teams_have_the_signed_in_user_and_others_do_not()
    {
        var withMe = Generate().Count(r => r["team"]!.AsArray().Any(m => (string?)m!["email"] == "admin@emulated-partner.onmicrosoft.com"));

        Assert.InRange(withMe, 30, 270);
    }
}
