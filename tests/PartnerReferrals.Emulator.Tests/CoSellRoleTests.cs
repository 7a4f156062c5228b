namespace PartnerReferrals.Emulator.Tests;

/// <summary>A Referrals User sees only the referrals whose team has them (§2, §5.5 item 7).</summary>
public class CoSellRoleTests(CoSellUserFixture fixture) : IClassFixture<CoSellUserFixture>
{
    private const string Me = "admin@emulated-partner.onmicrosoft.com";

    [Fact]
    public async Task A_referrals_user_lists_only_referrals_whose_team_has_them()
    {
        var (items, _) = await fixture.ListAllAsync(CoSellFixture.List(string.Empty));

        Assert.InRange(items.Count, 1, 449);
        Assert.All(items, item => Assert.Contains(Me, item.GetProperty("team").EnumerateArray().Select(m => m.GetProperty("email").GetString())));
    }

    [Fact]
    public async Task A_referral_outside_the_users_teams_is_404_by_id()
    {
        var hidden = fixture.Server.CoSellReferrals.First(r => !r["team"]!.AsArray().Any(m => (string?)m!["email"] == Me));

        var (status, body) = await fixture.GetAsync(CoSellFixture.Collection + "/" + (string)hidden["id"]!);

        Assert.Equal(404, status);
        Assert.Equal("itemNotFound", body.GetProperty("error").GetProperty("code").GetString());
    }
}
