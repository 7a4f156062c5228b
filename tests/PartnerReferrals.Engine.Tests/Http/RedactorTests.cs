using PartnerReferrals.Engine.Diagnostics;

namespace PartnerReferrals.Engine.Tests.Http;

public class RedactorTests
{
    [Fact]
    public void Jwt_shaped_text_is_masked()
    {
        var text = Redactor.Redact("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end");
        Assert.Equal("token *** end", text);
    }

    [Fact]
    public void Registered_secrets_and_credential_parameters_are_masked()
    {
        Redactor.RegisterSecret("0.AEmu.very-secret-refresh-token");
        Assert.Equal("rt *** x", Redactor.Redact("rt 0.AEmu.very-secret-refresh-token x"));
        Assert.Equal("grant_type=refresh_token&refresh_token=***&client_secret=***", Redactor.Redact("grant_type=refresh_token&refresh_token=abc123&client_secret=s3cr3t"));
        Assert.Equal("{\"access_token\":\"***\"}", Redactor.Redact("{\"access_token\":\"opaque\"}"));
        Assert.Equal("Authorization: Bearer ***", Redactor.Redact("Authorization: Bearer abcdefghijklmnop"));
    }

    [Fact]
    public void A_password_in_a_url_is_masked_and_the_rest_of_the_url_kept()
    {
        Assert.Equal(
            "The proxy http://alice:***@proxy.contoso.com:3128/ refused the tunnel.",
            Redactor.Redact("The proxy http://alice:Pa55word!@proxy.contoso.com:3128/ refused the tunnel."));
        Assert.Equal("https://proxy:8080/a:b@c", Redactor.Redact("https://proxy:8080/a:b@c"));
    }

    [Fact]
    public void Ordinary_text_is_untouched()
    {
        const string text = "HTTP GET https://api.test/partner/v1/analytics/referrals?top=100&skip=200 -> 200 OK";
        Assert.Equal(text, Redactor.Redact(text));
    }
}
