using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;
using static PartnerReferrals.Engine.Tests.Integration.EmulatorSignIn;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>What Connect reads besides the credential: client id, emulator file, token cache, environment.</summary>
public class ConnectSettingsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Without_a_client_id_the_error_explains_the_app_registration()
    {
        // Nothing is sent before the client id is known: the global cloud is never reached.
        var request = new ConnectRequest { Method = SignInMethod.DeviceCode, Environment = PartnerEnvironment.Global };

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Equal("PartnerReferrals.Auth.ClientIdMissing", error.ErrorId);
        Assert.Equal("ClientId", error.ParameterName);
        Assert.Contains("user_impersonation", error.Problem, StringComparison.Ordinal);
        Assert.Contains("http://localhost", error.Problem, StringComparison.Ordinal);
        Assert.Contains("PARTNERREFERRALS_CLIENT_ID", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_client_id_the_emulator_error_says_any_guid_works_instead_of_explaining_app_registration()
    {
        var request = Request(fixture, SignInMethod.DeviceCode);
        request.ClientId = null;

        var error = Assert.Throws<PartnerReferralsException>(() => Connect(request, new RecordingHost(), Options(fixture)));

        Assert.Equal("PartnerReferrals.Auth.ClientIdMissing", error.ErrorId);
        Assert.Contains("any GUID", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("-ClientId ([guid]::NewGuid())", error.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("App registrations", error.Message, StringComparison.Ordinal);
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
    public void A_persisted_cache_without_an_os_store_is_an_owner_only_file_with_a_warning_when_allowed()
    {
        var request = Request(fixture, SignInMethod.DeviceCode);
        request.ContextScope = ContextScope.CurrentUser;
        request.AllowPlaintextCache = true;
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
        using (var restored = Connect(request, again, options))
        {
            // It says how it signed in: from the cache, not by the device code it was asked for.
            Assert.Equal("PersistedCache", restored.Context.SignInMethod);
        }

        Assert.DoesNotContain(again.Warnings, w => w.Contains("devicelogin", StringComparison.OrdinalIgnoreCase));

        PartnerReferralsOperations.Disconnect(null, true, new RecordingHost(), options.TokenCacheFolder);
        Assert.False(File.Exists(plaintext));
    }

    [Fact]
    public void China_is_refused_and_germany_warns()
    {
        var china = Assert.Throws<PartnerReferralsException>(() => Engine.SignIn.EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.China }));
        Assert.Contains("21Vianet", china.Message, StringComparison.Ordinal);
        Assert.Equal("Environment", china.ParameterName);

        var germany = Engine.SignIn.EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Germany });
        Assert.Contains("retired", germany.Warning, StringComparison.Ordinal);
        Assert.Equal("https://login.microsoftonline.de/organizations/", germany.Authority.ToString());
    }
}
