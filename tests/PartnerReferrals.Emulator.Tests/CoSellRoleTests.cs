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

/// <summary>Writes by a Referrals User (choice 14).</summary>
public class CoSellUserWriteTests(CoSellUserFixture fixture) : IClassFixture<CoSellUserFixture>
{
    [Fact]
    public async Task A_referrals_user_may_not_update_even_their_own_teams_referral_403_accessDenied()
    {
        var mine = fixture.Server.CoSellReferrals.First(r => r["team"]!.AsArray().Any(m => (string?)m!["email"] == "admin@emulated-partner.onmicrosoft.com"));

        var (status, body, response) = await fixture.PatchAsync((string)mine["id"]!, """[{"op":"replace","path":"/details/notes","value":"x"}]""");
        response.Dispose();

        Assert.Equal(403, status);
        Assert.Equal("accessDenied", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Referrals Admin", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>With --cosell-user-may-update a Referrals User updates their teams' referrals only.</summary>
public class CoSellUpdatingUserTests(CoSellUpdatingUserFixture fixture) : IClassFixture<CoSellUpdatingUserFixture>
{
    [Fact]
    public async Task The_user_updates_their_teams_referral_and_gets_404_for_another()
    {
        const string Me = "admin@emulated-partner.onmicrosoft.com";
        var all = fixture.Server.CoSellReferrals.Where(r => (string?)r["status"] != "Closed").ToList();
        var mine = all.First(r => r["team"]!.AsArray().Any(m => (string?)m!["email"] == Me));
        var other = all.First(r => !r["team"]!.AsArray().Any(m => (string?)m!["email"] == Me));
        const string Patch = """[{"op":"replace","path":"/details/notes","value":"x"}]""";

        var (allowed, _, r1) = await fixture.PatchAsync((string)mine["id"]!, Patch);
        var (hidden, _, r2) = await fixture.PatchAsync((string)other["id"]!, Patch);
        r1.Dispose();
        r2.Dispose();

        Assert.Equal((204, 404), (allowed, hidden));
    }
}

/// <summary>Creating takes the Admin role, even with the switch that lets a User update.</summary>
public class CoSellUserCreateTests(CoSellUpdatingUserFixture fixture) : IClassFixture<CoSellUpdatingUserFixture>
{
    [Fact]
    public async Task A_referrals_user_may_not_create_403_accessDenied()
    {
        var (status, body, response) = await fixture.SendAsync(System.Net.Http.HttpMethod.Post, CoSellFixture.Collection,
            """{"type":"Shared","customerProfile":{"name":"X"},"consent":{},"details":{}}""");
        response.Dispose();

        Assert.Equal(403, status);
        Assert.Equal("accessDenied", body.GetProperty("error").GetProperty("code").GetString());
    }
}

/// <summary>A user with neither Referrals role is refused every Referrals API request (choice 15, --cosell-role None).</summary>
public class CoSellNoRoleTests(CoSellNoRoleFixture fixture) : IClassFixture<CoSellNoRoleFixture>
{
    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/{id}")]
    [InlineData("PATCH", "/{id}")]
    [InlineData("POST", "")]
    public async Task Every_request_is_403_accessDenied_naming_the_roles_and_is_logged_with_its_method(string method, string item)
    {
        var id = (string)fixture.Server.CoSellReferrals.First(r => (string?)r["status"] != "Closed")["id"]!;
        var json = method switch
        {
            "PATCH" => """[{"op":"replace","path":"/details/notes","value":"x"}]""",
            "POST" => """{"type":"Shared","customerProfile":{"name":"X"},"consent":{},"details":{}}""",
            _ => null,
        };
        var before = fixture.Server.Requests.Count(r => r.Method == method && r.StatusCode == 403);

        var (status, body, response) = await fixture.SendAsync(new System.Net.Http.HttpMethod(method), CoSellFixture.Collection + item.Replace("{id}", id, StringComparison.Ordinal), json);
        response.Dispose();

        Assert.Equal(403, status);
        Assert.Equal("accessDenied", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Referrals Admin or Referrals User", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, fixture.Server.Requests.Count(r => r.Method == method && r.StatusCode == 403));
    }

    [Fact]
    public async Task An_analytics_token_is_still_401_before_the_role_is_looked_at()
    {
        using var client = EmulatorHttp.Client(fixture.Server, fixture.Server.Tokens.IssueUserToken(TimeSpan.FromHours(1)));

        using var response = await client.GetAsync(CoSellFixture.Collection);

        Assert.Equal(401, (int)response.StatusCode);
    }
}
