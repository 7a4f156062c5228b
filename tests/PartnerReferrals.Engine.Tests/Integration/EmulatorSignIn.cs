using System.Net.Http;
using System.Security;
using System.Text.Json;
using PartnerReferrals.Emulator;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.SignIn;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>Signs in to an emulator the way Connect-PartnerReferrals does, without touching the process-wide session.</summary>
internal static class EmulatorSignIn
{
    public const string ClientId = "8f4b2c1d-3e5a-4b6c-9d7e-0f1a2b3c4d5e";
    public const string ClientSecret = "emulator-client-secret-for-engine-tests";

    public static ConnectRequest Request(EmulatorFixture fixture, SignInMethod method) => new()
    {
        Method = method,
        Environment = PartnerEnvironment.Emulator,
        EmulatorFile = fixture.EmulatorFile,
        ClientId = ClientId,
        ApplicationName = "EngineTests",
    };

    /// <summary>Waits are cut to a few milliseconds: the tests check behaviour, not patience.</summary>
    public static ConnectOptions Options(EmulatorFixture fixture) => new()
    {
        Http = new PartnerReferralsOptions
        {
            Delay = (delay, token) => Task.Delay(TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds, 5)), token),
            MaxAttempts = 8,
        },
        TokenCacheFolder = Path.Combine(fixture.Folder, "cache-" + Guid.NewGuid().ToString("N")),
        GetEnvironmentVariable = _ => null,
    };

    public static PartnerReferralsSession Connect(ConnectRequest request, IEngineHost host, ConnectOptions options) =>
        PartnerReferralsOperations.Connect(request, host, CancellationToken.None, options);

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>
    /// The secure application model's one-time consent: a device-code sign-in whose refresh token automation
    /// keeps. MSAL never hands out refresh tokens, so this talks to the emulator's endpoints directly.
    /// </summary>
    public static async Task<string> RefreshTokenAsync(EmulatorServer server)
    {
        using var client = PinnedClient(server);
        var scope = SignInDefaults.Scope + " offline_access openid profile";
        using var start = await client.PostAsync(new Uri(server.Authority, "oauth2/v2.0/devicecode"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = ClientId, ["scope"] = scope }));
        var deviceCode = JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement.GetProperty("device_code").GetString()!;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var poll = await client.PostAsync(new Uri(server.Authority, "oauth2/v2.0/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = ClientId,
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
                ["device_code"] = deviceCode,
            }));
            var body = JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
            if (poll.IsSuccessStatusCode)
            {
                return body.GetProperty("refresh_token").GetString()!;
            }
        }

        throw new InvalidOperationException("the device code was never approved");
    }

    /// <summary>An HttpClient that trusts the emulator through the engine's own pin.</summary>
    public static HttpClient PinnedClient(EmulatorServer server, bool followRedirects = true)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects };
        new CertificatePin(server.CertificateThumbprint).ApplyTo(handler);
        return new HttpClient(handler);
    }

    /// <summary>Everything a user could read: every host line, every error message (inner ones too).</summary>
    public static string Everything(RecordingHost host, params Exception?[] errors)
    {
        var text = new List<string>(host.Lines);
        text.AddRange(host.Progress.Select(p => p.Status));
        foreach (var error in errors)
        {
            for (var e = error; e is not null; e = e.InnerException)
            {
                text.Add(e.Message);
            }
        }

        return string.Join("\n", text);
    }
}
