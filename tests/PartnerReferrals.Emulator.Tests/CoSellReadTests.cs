using System.Net.Http;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>GET by id (§1.2), the audience check (COSELL-CONTRACT.md) and the request log for co-sell requests.</summary>
public class CoSellReadTests(CoSellFixture fixture) : IClassFixture<CoSellFixture>
{
    private async Task<string> AnyIdAsync()
    {
        var (_, body) = await fixture.GetAsync(CoSellFixture.List("$top=1"));
        return body.GetProperty("value")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_referral_by_id_carries_its_etag_in_the_body_and_the_ETag_header()
    {
        var id = await AnyIdAsync();

        var (status, body, response) = await fixture.SendAsync(HttpMethod.Get, CoSellFixture.Collection + "/" + id);
        using (response)
        {
            Assert.Equal(200, status);
            Assert.Equal(id, body.GetProperty("id").GetString());
            Assert.EndsWith("$metadata#Referrals/$entity", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
            var etag = body.GetProperty("eTag").GetString()!;
            Assert.StartsWith("\"", etag, StringComparison.Ordinal);
            Assert.Equal(etag, response.Headers.ETag!.ToString());
            Assert.Equal(new Uri(fixture.Server.BaseAddress, CoSellFixture.Collection + "/" + id).ToString(),
                body.GetProperty("links").GetProperty("self").GetProperty("uri").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_id_is_404_itemNotFound()
    {
        var (status, body) = await fixture.GetAsync(CoSellFixture.Collection + "/" + Guid.NewGuid());

        Assert.Equal(404, status);
        Assert.Equal("itemNotFound", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_analytics_token_is_refused_with_401_naming_the_referrals_audience()
    {
        using var analytics = EmulatorHttp.Client(fixture.Server, fixture.Server.Tokens.IssueUserToken());
        using var response = await analytics.GetAsync(CoSellFixture.Collection);
        var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("unauthenticated", error.GetProperty("code").GetString());
        Assert.Contains("https://api.partner.microsoft.com", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_analytics_api_refuses_a_referrals_token()
    {
        using var cosell = EmulatorHttp.Client(fixture.Server, fixture.Server.Tokens.IssueCoSellUserToken());
        using var response = await cosell.GetAsync(EmulatorHttp.ReferralsUrl());

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task App_only_and_missing_tokens_are_401_unauthenticated()
    {
        using var anonymous = EmulatorHttp.Client(fixture.Server);
        using var missing = await anonymous.GetAsync(CoSellFixture.Collection);
        var appToken = fixture.Server.Tokens.CreateAccessToken(EmulatedIdentity.TestClientId, user: false, TimeSpan.FromHours(1), audience: EmulatedIdentity.CoSellAudience);
        using var app = EmulatorHttp.Client(fixture.Server, appToken);
        using var appOnly = await app.GetAsync(CoSellFixture.Collection);

        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal(401, (int)appOnly.StatusCode);
        Assert.Contains("unauthenticated", await appOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Co_sell_requests_are_logged_with_their_method()
    {
        var id = await AnyIdAsync();
        fixture.Server.Requests.Clear();

        await fixture.GetAsync(CoSellFixture.Collection + "/" + id);

        var logged = Assert.Single(fixture.Server.Requests);
        Assert.Equal(("GET", 200, "/v1.0/engagements/referrals/" + id), (logged.Method, logged.StatusCode, logged.PathAndQuery));
    }
}
