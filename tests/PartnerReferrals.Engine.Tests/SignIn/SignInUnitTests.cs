using System.Net.Http;
using System.Text;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.SignIn;

namespace PartnerReferrals.Engine.Tests.SignIn;

public class SignInUnitTests
{
    private static string Jwt(long exp, string upn = "user@contoso.com") =>
        "eyJhbGciOiJub25lIn0." + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"exp\":" + exp + ",\"upn\":\"" + upn + "\",\"tid\":\"t1\"}")).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".sig";

    [Fact]
    public async Task A_passed_through_token_is_used_until_its_exp_then_fails_as_expired()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var provider = new StaticTokenProvider(Jwt(1_700_000_060), () => now);

        Assert.Equal("user@contoso.com", provider.Account);
        Assert.Equal("t1", provider.TenantId);
        Assert.NotNull(await provider.GetTokenAsync(false, CancellationToken.None));

        now = now.AddMinutes(2);
        var error = await Assert.ThrowsAsync<PartnerReferralsException>(() => provider.GetTokenAsync(false, CancellationToken.None));
        Assert.Equal("PartnerReferrals.Auth.TokenExpired", error.ErrorId);
    }

    [Fact]
    public async Task A_passed_through_token_cannot_be_renewed_after_a_401()
    {
        var provider = new StaticTokenProvider("opaque-token-that-is-not-a-jwt");
        Assert.Null(provider.ExpiresOn);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(() => provider.GetTokenAsync(true, CancellationToken.None));

        Assert.Equal("PartnerReferrals.Auth.Unauthorized", error.ErrorId);
        Assert.Contains("Connect-PartnerReferrals", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PartnerEnvironment.Global, "https://login.microsoftonline.com/contoso.onmicrosoft.com/", true)]
    [InlineData(PartnerEnvironment.USGov, "https://login.microsoftonline.us/contoso.onmicrosoft.com/", true)]
    public void Public_clouds_use_their_authority_and_the_partner_center_api(PartnerEnvironment environment, string authority, bool isPublic)
    {
        var endpoints = EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = environment, TenantId = "contoso.onmicrosoft.com" });
        Assert.Equal(authority, endpoints.Authority.ToString());
        Assert.Equal("https://api.partnercenter.microsoft.com/", endpoints.BaseUrl.ToString());
        Assert.Equal(isPublic, endpoints.IsPublicCloud);
        Assert.Null(endpoints.Pin);
    }

    [Fact]
    public void Custom_needs_both_urls_and_is_not_a_public_cloud()
    {
        var missing = Assert.Throws<PartnerReferralsException>(() => EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Custom, BaseUrl = new Uri("https://pc.example") }));
        Assert.Equal("Authority", missing.ParameterName);

        var custom = EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Custom, BaseUrl = new Uri("https://pc.example"), Authority = new Uri("https://login.example") });
        Assert.Equal("https://login.example/organizations/", custom.Authority.ToString());
        Assert.False(custom.IsPublicCloud);
    }

    [Fact]
    public void The_certificate_pin_trusts_only_its_certificate_and_only_on_loopback()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var pin = new CertificatePin(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
        using var loopback = new HttpRequestMessage(HttpMethod.Get, "https://127.0.0.1:5001/");
        using var remote = new HttpRequestMessage(HttpMethod.Get, "https://api.partnercenter.microsoft.com/");

        Assert.True(pin.Validate(loopback, certificate, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(pin.Validate(loopback, other, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(pin.Validate(remote, certificate, null, System.Net.Security.SslPolicyErrors.None));
    }
}
