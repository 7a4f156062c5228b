using System.Diagnostics;
using System.Net;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Issue 18 item 6: refresh tokens rotate and expire as Entra's do, and can be revoked, and the real MSAL sees each
/// outcome as it would from Entra (a runbook's life: redeem, keep the newest, meet expiry or revocation).
/// </summary>
public class RefreshTokenTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private EmulatorServer Server => fixture.Server;

    [Fact]
    public async Task Every_refresh_token_grant_gives_msal_a_new_refresh_token_and_the_old_one_stays_valid()
    {
        var first = await Consent.RefreshTokenAsync(Server);
        var app = MsalApps.Public(Server);
        var cache = new MsalTokenCacheSpy(app.UserTokenCache);

        var result = await ((IByRefreshToken)app).AcquireTokenByRefreshToken(MsalApps.Scopes, first).ExecuteAsync();
        var second = Assert.Single(cache.RefreshTokens);
        Assert.NotEqual(first, second);

        // A renewal during a long pull (MSAL refreshes silently) rotates it again.
        await app.AcquireTokenSilent(MsalApps.Scopes, result.Account).WithForceRefresh(true).ExecuteAsync();
        var third = Assert.Single(cache.RefreshTokens);
        Assert.NotEqual(second, third);
        Assert.NotEqual(first, third);

        // As in Entra, using a token does not revoke it: each one lasts until its own expiry.
        foreach (var token in new[] { first, second, third })
        {
            var again = await ((IByRefreshToken)MsalApps.Public(Server)).AcquireTokenByRefreshToken(MsalApps.Scopes, token).ExecuteAsync();
            Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Server, again.AccessToken));
        }
    }

    [Fact]
    public async Task A_refresh_token_past_its_lifetime_gets_AADSTS700082_which_msal_raises_as_ui_required()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, RefreshTokenLifetime = TimeSpan.FromSeconds(2) });
        var token = await Consent.RefreshTokenAsync(server);
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(
            () => ((IByRefreshToken)MsalApps.Public(server)).AcquireTokenByRefreshToken(MsalApps.Scopes, token).ExecuteAsync());
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Contains("AADSTS700082: The refresh token has expired due to inactivity.", error.Message, StringComparison.Ordinal);
        Assert.Contains("was inactive for 00:00:02", error.Message, StringComparison.Ordinal);

        var (status, body) = await Consent.RedeemAsync(server, token);
        Assert.Equal(400, status);
        Assert.Equal(700082, body.GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task An_old_refresh_token_expires_on_its_own_date_while_the_one_that_replaced_it_still_works()
    {
        var clock = Stopwatch.StartNew();
        var old = Server.Tokens.IssueRefreshToken(MsalApps.ClientId, lifetime: TimeSpan.FromSeconds(4));
        var app = MsalApps.Public(Server);
        var cache = new MsalTokenCacheSpy(app.UserTokenCache);
        await ((IByRefreshToken)app).AcquireTokenByRefreshToken(MsalApps.Scopes, old).ExecuteAsync();
        var newer = Assert.Single(cache.RefreshTokens);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "the first redemption took longer than the old token's lifetime");

        await Task.Delay(TimeSpan.FromSeconds(4.2) - clock.Elapsed);
        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(
            () => ((IByRefreshToken)MsalApps.Public(Server)).AcquireTokenByRefreshToken(MsalApps.Scopes, old).ExecuteAsync());
        Assert.Contains("AADSTS700082", error.Message, StringComparison.Ordinal);
        var (status, _) = await Consent.RedeemAsync(Server, newer);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task An_issued_refresh_token_with_no_lifetime_left_is_already_expired()
    {
        var (status, body) = await Consent.RedeemAsync(Server, Server.Tokens.IssueRefreshToken(MsalApps.ClientId, lifetime: TimeSpan.Zero));
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal(700082, body.GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task A_revoked_refresh_token_gets_AADSTS50173_and_the_others_still_work()
    {
        var revoked = Server.Tokens.IssueRefreshToken(MsalApps.ClientId);
        var kept = Server.Tokens.IssueRefreshToken(MsalApps.ClientId);
        Assert.True(Server.Tokens.RevokeRefreshToken(revoked));
        Assert.False(Server.Tokens.RevokeRefreshToken("0.AEmu.never-issued"));

        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(
            () => ((IByRefreshToken)MsalApps.Public(Server)).AcquireTokenByRefreshToken(MsalApps.Scopes, revoked).ExecuteAsync());
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Contains("AADSTS50173: The provided grant has expired due to it being revoked", error.Message, StringComparison.Ordinal);

        var result = await ((IByRefreshToken)MsalApps.Public(Server)).AcquireTokenByRefreshToken(MsalApps.Scopes, kept).ExecuteAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Server, result.AccessToken));
    }

    internal static async Task<HttpStatusCode> StatusWithAsync(EmulatorServer server, string accessToken)
    {
        using var client = EmulatorHttp.Client(server, accessToken);
        using var response = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
        return response.StatusCode;
    }
}
