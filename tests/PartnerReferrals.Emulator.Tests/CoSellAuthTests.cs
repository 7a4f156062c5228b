using System.Net;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Issue 20 item 5: one refresh token yields access tokens for either audience (the analytics API and the co-sell
/// Referrals API), as Entra's multi-resource refresh tokens do, and each API refuses the other's audience.
/// </summary>
public class CoSellAuthTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] CoSellScopes = ["https://api.partner.microsoft.com/.default"];

    private EmulatorServer Server => fixture.Server;

    [Fact]
    public async Task One_refresh_token_yields_a_token_for_each_audience_and_the_analytics_api_refuses_the_cosell_one()
    {
        var refreshToken = await Consent.RefreshTokenAsync(Server);

        var cosell = await ((IByRefreshToken)MsalApps.Public(Server)).AcquireTokenByRefreshToken(CoSellScopes, refreshToken).ExecuteAsync();
        var analytics = await ((IByRefreshToken)MsalApps.Public(Server)).AcquireTokenByRefreshToken(MsalApps.Scopes, refreshToken).ExecuteAsync();

        Assert.Equal("https://api.partner.microsoft.com", AccessTokens.Claims(cosell.AccessToken).GetProperty("aud").GetString());
        Assert.Equal("https://api.partnercenter.microsoft.com", AccessTokens.Claims(analytics.AccessToken).GetProperty("aud").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshTokenTests.StatusWithAsync(Server, cosell.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await RefreshTokenTests.StatusWithAsync(Server, analytics.AccessToken));
    }

    [Fact]
    public async Task A_scope_naming_both_apis_at_once_is_refused_as_entra_refuses_two_resources()
    {
        var refreshToken = await Consent.RefreshTokenAsync(Server);

        var error = await Assert.ThrowsAsync<MsalServiceException>(() => ((IByRefreshToken)MsalApps.Public(Server))
            .AcquireTokenByRefreshToken([.. CoSellScopes, .. MsalApps.Scopes], refreshToken).ExecuteAsync());

        Assert.Equal("invalid_scope", error.ErrorCode);
    }
}
