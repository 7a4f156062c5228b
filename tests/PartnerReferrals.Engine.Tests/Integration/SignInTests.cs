using PartnerReferrals.Engine.Models;
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
    public async Task A_revoked_refresh_token_asks_to_sign_in_again()
    {
        var request = Request(fixture, SignInMethod.RefreshToken);
        request.RefreshToken = Secure(await RefreshTokenAsync(fixture.Server));
        fixture.Server.Tokens.RevokeRefreshTokens();

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Equal("PartnerReferrals.Auth.SignInRequired", error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("Sign in again with Connect-PartnerReferrals", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Without_a_client_id_the_error_explains_the_app_registration()
    {
        var request = Request(fixture, SignInMethod.DeviceCode);
        request.ClientId = null;

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Equal("PartnerReferrals.Auth.ClientIdMissing", error.ErrorId);
        Assert.Equal("ClientId", error.ParameterName);
        Assert.Contains("user_impersonation", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://localhost", error.Message, StringComparison.Ordinal);
        Assert.Contains("PARTNERREFERRALS_CLIENT_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_id_can_come_from_the_environment()
    {
        var request = Request(fixture, SignInMethod.DeviceCode);
        request.ClientId = null;
        var options = Options(fixture);
        options.GetEnvironmentVariable = name => name == "PARTNERREFERRALS_CLIENT_ID" ? ClientId : null;

        using var session = Connect(request, new RecordingHost(), options);

        Assert.Equal(ClientId, session.Context.ClientId);
    }

    [Fact]
    public void The_emulator_file_can_come_from_the_environment_and_a_missing_one_is_a_clear_error()
    {
        var request = Request(fixture, SignInMethod.DeviceCode);
        request.EmulatorFile = null;
        var options = Options(fixture);
        options.GetEnvironmentVariable = name => name == "PARTNERREFERRALS_EMULATOR_FILE" ? fixture.EmulatorFile : null;
        using (Connect(request, new RecordingHost(), options))
        {
        }

        request.EmulatorFile = Path.Combine(fixture.Folder, "nowhere.json");
        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));
        Assert.Equal("PartnerReferrals.Session.EmulatorNotFound", error.ErrorId);
        Assert.Contains("nowhere.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_emulator_file_is_refused()
    {
        var stale = Path.Combine(fixture.Folder, "stale.json");
        File.WriteAllText(stale, File.ReadAllText(fixture.EmulatorFile).Replace("\"processId\":" + Environment.ProcessId, "\"processId\":2147483000", StringComparison.Ordinal));
        var request = Request(fixture, SignInMethod.DeviceCode);
        request.EmulatorFile = stale;

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Contains("stale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persisted_cache_without_an_os_store_falls_back_to_an_owner_only_file_with_a_warning()
    {
        var request = Request(fixture, SignInMethod.DeviceCode);
        request.ContextScope = ContextScope.CurrentUser;
        var options = Options(fixture);
        var host = new RecordingHost();

        using (Connect(request, host, options))
        {
        }

        var plaintext = Path.Combine(options.TokenCacheFolder!, "msal.cache.plaintext");
        var warned = host.Warnings.Any(w => w.Contains("UNENCRYPTED", StringComparison.Ordinal));
        Assert.Equal(warned, File.Exists(plaintext));
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS") is null)
        {
            Assert.True(warned, "no keyring can work without a session bus, so the plaintext fallback must have been taken");
        }

        Assert.True(warned || File.Exists(Path.Combine(options.TokenCacheFolder!, "msal.cache")));
        if (warned)
        {
            Assert.True(new FileInfo(plaintext).Length > 0);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(plaintext));
            }
        }

        // A second connect signs in silently from the persisted cache: no device code this time.
        var again = new RecordingHost();
        using (Connect(request, again, options))
        {
        }

        Assert.DoesNotContain(again.Warnings, w => w.Contains("devicelogin", StringComparison.OrdinalIgnoreCase));

        PartnerReferralsOperations.Disconnect(true, new RecordingHost(), options.TokenCacheFolder);
        Assert.False(File.Exists(plaintext));
    }

    [Fact]
    public void China_is_refused_and_germany_warns()
    {
        var china = Assert.Throws<PartnerReferralsException>(() => SignIn.EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.China }));
        Assert.Contains("21Vianet", china.Message, StringComparison.Ordinal);
        Assert.Equal("Environment", china.ParameterName);

        var germany = SignIn.EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Germany });
        Assert.Contains("retired", germany.Warning, StringComparison.Ordinal);
        Assert.Equal("https://login.microsoftonline.de/organizations/", germany.Authority.ToString());
    }
}
