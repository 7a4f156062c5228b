using System.Net;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>The real MSAL.NET signs in against the emulator, and the endpoint accepts what it gets.</summary>
public class MsalSignInTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private EmulatorServer Server => fixture.Server;

    [Fact]
    public async Task Device_code_flow_completes_and_the_token_is_accepted()
    {
        var app = MsalApps.Public(Server);
        string? message = null;
        var result = await app.AcquireTokenWithDeviceCode(MsalApps.Scopes, code =>
        {
            message = code.Message;
            return Task.CompletedTask;
        }).ExecuteAsync();

        Assert.Contains("devicelogin", message);
        Assert.Equal(Server.TenantId, result.TenantId);
        Assert.Equal("admin@emulated-partner.onmicrosoft.com", result.Account.Username);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(result.AccessToken));
    }

    [Fact]
    public async Task Silent_acquisition_finds_the_account_and_refreshes_a_token_near_expiry()
    {
        // MSAL refreshes tokens within five minutes of expiry, so a two-minute token is renewed at once.
        Server.Faults.TokenLifetimeOverride = TimeSpan.FromMinutes(2);
        try
        {
            var app = MsalApps.Public(Server);
            var first = await app.AcquireTokenWithDeviceCode(MsalApps.Scopes, _ => Task.CompletedTask).ExecuteAsync();
            var account = Assert.Single(await app.GetAccountsAsync());
            Assert.Equal($"{first.UniqueId}.{Server.TenantId}", account.HomeAccountId.Identifier);

            var second = await app.AcquireTokenSilent(MsalApps.Scopes, account).ExecuteAsync();
            Assert.Equal(TokenSource.IdentityProvider, second.AuthenticationResultMetadata.TokenSource);
            Assert.NotEqual(first.AccessToken, second.AccessToken);
            Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(second.AccessToken));
        }
        finally
        {
            Server.Faults.TokenLifetimeOverride = null;
        }
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    public async Task Multi_tenant_authorities_work(string tenant)
    {
        var app = MsalApps.Public(Server, authority: new Uri(Server.BaseAddress, tenant + "/").ToString());
        var result = await app.AcquireTokenWithDeviceCode(MsalApps.Scopes, _ => Task.CompletedTask).ExecuteAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(result.AccessToken));
    }

    [Fact]
    public async Task Refresh_token_redeems_with_a_public_client()
    {
        var refreshToken = await RefreshTokenFromDeviceCodeAsync();
        var app = MsalApps.Public(Server);
        var result = await ((IByRefreshToken)app).AcquireTokenByRefreshToken(MsalApps.Scopes, refreshToken).ExecuteAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(result.AccessToken));
    }

    [Fact]
    public async Task Refresh_token_redeems_with_a_confidential_client_and_its_secret()
    {
        var refreshToken = await RefreshTokenFromDeviceCodeAsync();
        var app = MsalApps.Confidential(Server).WithClientSecret("emulator-client-secret").Build();
        var result = await ((IByRefreshToken)app).AcquireTokenByRefreshToken(MsalApps.Scopes, refreshToken).ExecuteAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(result.AccessToken));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_as_invalid_client()
    {
        var app = MsalApps.Confidential(Server).WithClientSecret("not-the-secret").Build();
        var error = await Assert.ThrowsAsync<MsalServiceException>(() => app.AcquireTokenForClient(MsalApps.AppScopes).ExecuteAsync());
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Contains("AADSTS7000215", error.Message);
    }

    [Fact]
    public async Task Client_credentials_yield_an_app_only_token_that_the_api_forbids()
    {
        var app = MsalApps.Confidential(Server).WithClientSecret("emulator-client-secret").Build();
        var result = await app.AcquireTokenForClient(MsalApps.AppScopes).ExecuteAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithAsync(result.AccessToken));
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_refused_as_invalid_grant()
    {
        var refreshToken = await RefreshTokenFromDeviceCodeAsync();
        Server.Tokens.RevokeRefreshTokens();
        var app = MsalApps.Public(Server);
        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(
            () => ((IByRefreshToken)app).AcquireTokenByRefreshToken(MsalApps.Scopes, refreshToken).ExecuteAsync());
        Assert.Equal("invalid_grant", error.ErrorCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Server.Tokens.IssueExpiredToken()));
    }

    private async Task<HttpStatusCode> StatusWithAsync(string accessToken)
    {
        using var client = EmulatorHttp.Client(Server, accessToken);
        using var response = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
        return response.StatusCode;
    }

    private Task<string> RefreshTokenFromDeviceCodeAsync() => Consent.RefreshTokenAsync(Server);
}
