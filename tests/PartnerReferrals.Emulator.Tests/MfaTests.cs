using System.Net;
using System.Text.Json;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Issue 18 item 6: whether a sign-in counts as multi-factor (the access token's <c>amr</c>), and the API's refusal
/// of a token without MFA, as Partner Center enforces for app+user calls since 2026.
/// </summary>
public class MfaTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_sign_in_carries_pwd_and_mfa_in_amr_by_default()
    {
        var result = await MsalApps.Public(fixture.Server).AcquireTokenWithDeviceCode(MsalApps.Scopes, _ => Task.CompletedTask).ExecuteAsync();
        Assert.Equal(["pwd", "mfa"], AccessTokens.Amr(result.AccessToken));
        Assert.Equal(["pwd", "mfa"], AccessTokens.Amr(fixture.Server.Tokens.IssueUserToken()));
    }

    [Fact]
    public async Task Without_mfa_sign_ins_carry_pwd_only_and_a_refresh_token_keeps_the_methods_of_its_sign_in()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, SignInWithMfa = false });
        var signIn = await MsalApps.Public(server).AcquireTokenWithDeviceCode(MsalApps.Scopes, _ => Task.CompletedTask).ExecuteAsync();
        Assert.Equal(["pwd"], AccessTokens.Amr(signIn.AccessToken));

        var withoutMfa = await RedeemAsync(server, await Consent.RefreshTokenAsync(server));
        Assert.Equal(["pwd"], AccessTokens.Amr(withoutMfa));

        // A refresh token from an earlier sign-in with MFA still yields tokens with MFA, as in Entra.
        var withMfa = await RedeemAsync(server, server.Tokens.IssueRefreshToken(MsalApps.ClientId, mfa: true));
        Assert.Equal(["pwd", "mfa"], AccessTokens.Amr(withMfa));
    }

    [Fact]
    public async Task Requiring_mfa_refuses_a_token_without_it_with_401_and_an_error_body_naming_mfa()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, RequireMfa = true });
        using var client = EmulatorHttp.Client(server, server.Tokens.IssueUserToken(mfa: false));
        using var response = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(900421, body.GetProperty("code").GetInt32());
        Assert.Contains("MFA required", body.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("PartnerFD", body.GetProperty("source").GetString());
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await RefreshTokenTests.StatusWithAsync(server, server.Tokens.IssueUserToken(mfa: true)));
    }

    [Fact]
    public async Task Without_the_requirement_a_token_without_mfa_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await RefreshTokenTests.StatusWithAsync(fixture.Server, fixture.Server.Tokens.IssueUserToken(mfa: false)));
    }

    [Fact]
    public async Task A_sign_in_without_mfa_against_an_api_that_requires_it_is_refused_end_to_end()
    {
        // The runbook case of the issue: --no-mfa --require-mfa, a refresh token from a sign-in without MFA.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, SignInWithMfa = false, RequireMfa = true });
        var accessToken = await RedeemAsync(server, await Consent.RefreshTokenAsync(server));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshTokenTests.StatusWithAsync(server, accessToken));
    }

    private static async Task<string> RedeemAsync(EmulatorServer server, string refreshToken) =>
        (await ((IByRefreshToken)MsalApps.Public(server)).AcquireTokenByRefreshToken(MsalApps.Scopes, refreshToken).ExecuteAsync()).AccessToken;
}
