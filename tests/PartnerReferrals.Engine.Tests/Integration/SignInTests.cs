using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;
using static PartnerReferrals.Engine.Tests.Integration.EmulatorSignIn;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>The real MSAL against the emulator, through the engine's own Connect.</summary>
public class SignInTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static List<Referral> FirstRows(PartnerReferralsSession session, int count, RecordingHost? host = null)
    {
        host ??= new RecordingHost();
        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { First = count }, host, CancellationToken.None);
        return host.Objects.OfType<Referral>().ToList();
    }

    [Fact]
    public void Device_code_sign_in_shows_the_message_as_a_warning_and_the_session_works()
    {
        var host = new RecordingHost();
        using var session = Connect(Request(fixture, SignInMethod.DeviceCode), host, Options(fixture));

        Assert.Contains(host.Warnings, w => w.Contains("devicelogin", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("admin@emulated-partner.onmicrosoft.com", session.Context.Account);
        Assert.Equal(fixture.Server.TenantId, session.Context.TenantId);
        Assert.Equal("Emulator", session.Context.Environment);
        Assert.Equal(5, FirstRows(session, 5).Count);
    }

    [Fact]
    public async Task Refresh_token_sign_in_with_a_public_client_works_and_never_shows_the_token()
    {
        var refreshToken = await RefreshTokenAsync(fixture.Server);
        var request = Request(fixture, SignInMethod.RefreshToken);
        request.RefreshToken = Secure(refreshToken);
        var host = new RecordingHost();

        using var session = Connect(request, host, Options(fixture));
        FirstRows(session, 3, host);

        Assert.Equal(3, host.Objects.Count);
        Assert.DoesNotContain(refreshToken, Everything(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_token_sign_in_with_a_confidential_client_and_its_secret_works()
    {
        var request = Request(fixture, SignInMethod.RefreshToken);
        request.RefreshToken = Secure(await RefreshTokenAsync(fixture.Server));
        request.ClientSecret = Secure(ClientSecret);
        var host = new RecordingHost();

        using var session = Connect(request, host, Options(fixture));

        Assert.Equal(3, FirstRows(session, 3, host).Count);
        Assert.DoesNotContain(ClientSecret, Everything(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_an_invalid_client_error_that_does_not_repeat_the_secret()
    {
        var request = Request(fixture, SignInMethod.RefreshToken);
        request.RefreshToken = Secure(await RefreshTokenAsync(fixture.Server));
        request.ClientSecret = Secure("definitely-the-wrong-secret");

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Equal("PartnerReferrals.Auth.InvalidClient", error.ErrorId);
        Assert.DoesNotContain("definitely-the-wrong-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_refresh_token_says_how_a_runbook_gets_a_new_one()
    {
        var request = Request(fixture, SignInMethod.RefreshToken);
        request.RefreshToken = Secure(await RefreshTokenAsync(fixture.Server));
        fixture.Server.Tokens.RevokeRefreshTokens();

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Equal("PartnerReferrals.Auth.RefreshTokenExpired", error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("revoked", error.Message, StringComparison.Ordinal);
        Assert.Contains("AADSTS50173", error.Message, StringComparison.Ordinal);
        // A runbook cannot sign in again by itself: the advice says how a person makes it a new refresh token.
        Assert.Contains("new refresh token", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("Connect-PartnerReferrals -UseDeviceCode", error.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_sign_in_completes_through_the_loopback_redirect()
    {
        Task? browser = null;
        var options = Options(fixture);
        options.OpenBrowser = uri =>
        {
            // MSAL starts its loopback listener after "opening the browser", so the browser runs on its own.
            browser = Task.Run(() => ScriptedBrowser.SignInAsync(fixture.Server, uri));
            return Task.CompletedTask;
        };

        using var session = Connect(Request(fixture, SignInMethod.Interactive), new RecordingHost(), options);
        await browser!;

        Assert.Equal("admin@emulated-partner.onmicrosoft.com", session.Context.Account);
        Assert.Equal(2, FirstRows(session, 2).Count);
    }

    [Fact]
    public void An_access_token_is_used_as_is()
    {
        var request = Request(fixture, SignInMethod.AccessToken);
        request.AccessToken = Secure(fixture.Server.Tokens.IssueUserToken(TimeSpan.FromHours(1)));

        using var session = Connect(request, new RecordingHost(), Options(fixture));

        Assert.Equal("admin@emulated-partner.onmicrosoft.com", session.Context.Account);
        Assert.NotNull(session.Context.TokenExpiresOn);
        Assert.Equal(4, FirstRows(session, 4).Count);
    }

    [Fact]
    public void An_expired_access_token_is_refused_at_connect()
    {
        var request = Request(fixture, SignInMethod.AccessToken);
        request.AccessToken = Secure(fixture.Server.Tokens.IssueExpiredToken());

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Equal("PartnerReferrals.Auth.TokenExpired", error.ErrorId);
        Assert.Equal("AccessToken", error.ParameterName);
    }

    [Fact]
    public void An_app_only_token_is_forbidden_with_an_explanation()
    {
        var request = Request(fixture, SignInMethod.AccessToken);
        request.AccessToken = Secure(fixture.Server.Tokens.IssueAppOnlyToken());
        using var session = Connect(request, new RecordingHost(), Options(fixture));

        var error = Assert.Throws<PartnerReferralsException>(() => FirstRows(session, 1));

        Assert.Equal("PartnerReferrals.Api.Forbidden", error.ErrorId);
        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("app-only", error.Message, StringComparison.Ordinal);
    }
}
