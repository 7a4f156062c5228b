using System.Security;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Tests.Operations;

public class ConnectRequestCheckTests
{
    [Fact]
    public void A_base_url_outside_the_custom_environment_is_refused_naming_both_parameters()
    {
        var request = new ConnectRequest { Environment = PartnerEnvironment.USGov, BaseUrl = new Uri("https://example.invalid") };
        var error = Assert.Throws<PartnerReferralsException>(() => ConnectRequestCheck.Validate(request));
        Assert.Equal("PartnerReferrals.Session.ConflictingParameters", error.ErrorId);
        Assert.Contains("-BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Environment Custom", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_and_a_certificate_together_are_refused()
    {
        using var secret = new SecureString();
        secret.AppendChar('x');
        var request = new ConnectRequest { Method = SignInMethod.RefreshToken, ClientSecret = secret, CertificateThumbprint = "AB" };
        Assert.Equal("PartnerReferrals.Session.ConflictingParameters", Assert.Throws<PartnerReferralsException>(() => ConnectRequestCheck.Validate(request)).ErrorId);
    }

    [Theory]
    [InlineData("my-app", false)]
    [InlineData("8f4b2c1d-3e5a-4b6c-9d7e-0f1a2b3c4d5e", true)]
    public void A_client_id_must_be_a_guid(string clientId, bool valid)
    {
        var request = new ConnectRequest { ClientId = clientId };
        var error = Record.Exception(() => ConnectRequestCheck.Validate(request));
        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void Custom_with_its_urls_passes()
    {
        ConnectRequestCheck.Validate(new ConnectRequest { Environment = PartnerEnvironment.Custom, BaseUrl = new Uri("https://a.example"), Authority = new Uri("https://b.example") });
    }
}
