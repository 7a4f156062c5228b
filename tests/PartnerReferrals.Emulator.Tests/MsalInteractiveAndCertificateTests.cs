using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>Browser sign-in (authorization code + PKCE through MSAL's loopback listener) and certificate credentials.</summary>
public class MsalInteractiveAndCertificateTests(MsalInteractiveAndCertificateTests.Fixture fixture)
    : IClassFixture<MsalInteractiveAndCertificateTests.Fixture>
{
    private EmulatorServer Server => fixture.Server;

    [Fact]
    public async Task Interactive_sign_in_with_pkce_completes_through_the_loopback_redirect()
    {
        var app = MsalApps.Public(Server, redirectUri: "http://localhost");
        Task? browser = null;
        var result = await app.AcquireTokenInteractive(MsalApps.Scopes)
            .WithSystemWebViewOptions(new SystemWebViewOptions
            {
                // MSAL starts its loopback listener after opening the "browser", so the browser runs on its own.
                OpenBrowserAsync = uri =>
                {
                    browser = Task.Run(() => FollowSignInAsync(uri));
                    return Task.CompletedTask;
                },
            })
            .ExecuteAsync();
        await browser!;

        using var client = EmulatorHttp.Client(Server, result.AccessToken);
        using var response = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_registered_certificate_signs_a_client_assertion_msal_builds()
    {
        var app = MsalApps.Confidential(Server).WithCertificate(fixture.ClientCertificate).Build();
        var result = await app.AcquireTokenForClient(MsalApps.AppScopes).ExecuteAsync();
        Assert.False(string.IsNullOrEmpty(result.AccessToken));
    }

    [Fact]
    public async Task An_unregistered_certificate_is_refused_as_invalid_client()
    {
        using var stranger = Fixture.CreateClientCertificate();
        var app = MsalApps.Confidential(Server).WithCertificate(stranger).Build();
        var error = await Assert.ThrowsAsync<MsalServiceException>(() => app.AcquireTokenForClient(MsalApps.AppScopes).ExecuteAsync());
        Assert.Equal("invalid_client", error.ErrorCode);
    }

    [Fact]
    public async Task A_certificate_sent_in_x5c_is_accepted()
    {
        using var stranger = Fixture.CreateClientCertificate();
        var app = MsalApps.Confidential(Server).WithCertificate(stranger, sendX5C: true).Build();
        var result = await app.AcquireTokenForClient(MsalApps.AppScopes).ExecuteAsync();
        Assert.False(string.IsNullOrEmpty(result.AccessToken));
    }

    // Issue 18 item 5: the runbook's path, a refresh token redeemed by an app whose certificate (a file or an object,
    // never registered here) travels in the assertion's x5c header.
    [Fact]
    public async Task A_refresh_token_redeems_with_a_certificate_the_emulator_never_saw_sent_in_x5c()
    {
        using var fresh = Fixture.CreateClientCertificate();
        var refreshToken = await Consent.RefreshTokenAsync(Server);
        var app = MsalApps.Confidential(Server).WithCertificate(fresh, sendX5C: true).Build();
        var result = await ((IByRefreshToken)app).AcquireTokenByRefreshToken(MsalApps.Scopes, refreshToken).ExecuteAsync();

        using var client = EmulatorHttp.Client(Server, result.AccessToken);
        using var response = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_assertion_whose_x5c_certificate_did_not_sign_it_is_refused()
    {
        using var named = Fixture.CreateClientCertificate();
        using var signer = Fixture.CreateClientCertificate();
        var forged = MsalApps.Confidential(Server).WithClientAssertion(options => Task.FromResult(Assertion(options, x5c: named, signer: signer))).Build();
        var error = await Assert.ThrowsAsync<MsalServiceException>(() => forged.AcquireTokenForClient(MsalApps.AppScopes).ExecuteAsync());
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Contains("AADSTS7000274", error.Message, StringComparison.Ordinal);

        // The same hand-built assertion, signed by the certificate it names, is accepted: only the signature differed.
        var honest = MsalApps.Confidential(Server).WithClientAssertion(options => Task.FromResult(Assertion(options, x5c: named, signer: named))).Build();
        Assert.False(string.IsNullOrEmpty((await honest.AcquireTokenForClient(MsalApps.AppScopes).ExecuteAsync()).AccessToken));
    }

    // A client assertion as RFC 7523 and Entra describe it, with x5c as an array of base64 DER (RFC 7515).
    private static string Assertion(AssertionRequestOptions options, X509Certificate2 x5c, X509Certificate2 signer)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new System.Text.Json.Nodes.JsonObject
        {
            ["alg"] = "RS256",
            ["typ"] = "JWT",
            ["x5c"] = new System.Text.Json.Nodes.JsonArray(Convert.ToBase64String(x5c.RawData)),
        };
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["aud"] = options.TokenEndpoint,
            ["iss"] = options.ClientID,
            ["sub"] = options.ClientID,
            ["jti"] = Guid.NewGuid().ToString(),
            ["nbf"] = now,
            ["exp"] = now + 600,
        };
        var input = Encode(header) + "." + Encode(payload);
        using var key = signer.GetRSAPrivateKey()!;
        var signature = key.SignData(System.Text.Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    private static string Encode(System.Text.Json.Nodes.JsonNode node) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));

    // A scripted browser: the emulator answers MSAL's response_mode=form_post with an auto-submitting form,
    // which a browser would POST to MSAL's loopback listener; a 302 (query response mode) would be followed.
    private async Task FollowSignInAsync(Uri authorizeUri)
    {
        using var emulator = EmulatorHttp.Client(Server, followRedirects: false);
        using var approval = await emulator.GetAsync(authorizeUri);
        var page = await approval.Content.ReadAsStringAsync();
        using var listener = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var done = approval.StatusCode == HttpStatusCode.Redirect
                    ? await listener.GetAsync(approval.Headers.Location!)
                    : await listener.PostAsync(FormPost.Action(page), new FormUrlEncodedContent(FormPost.Fields(page)));
                return;
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100); // the listener may not be up yet
            }
        }
    }

    public sealed class Fixture : ServerFixture
    {
        public X509Certificate2 ClientCertificate { get; } = CreateClientCertificate();

        protected override EmulatorOptions Options
        {
            get
            {
                var options = base.Options;
                options.ClientCertificates.Add(ClientCertificate);
                return options;
            }
        }

        public static X509Certificate2 CreateClientCertificate()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=PartnerReferrals test client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
