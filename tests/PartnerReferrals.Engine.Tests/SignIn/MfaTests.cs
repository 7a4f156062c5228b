using System.Net;
using System.Text;
using PartnerReferrals.Engine.Tests.Fakes;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.SignIn;

namespace PartnerReferrals.Engine.Tests.SignIn;

/// <summary>Partner Center's MFA enforcement: a refusal for missing MFA, whatever its status, and the claim read after sign-in.</summary>
public class MfaTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "{\"code\":900421,\"description\":\"Authentication failed. MFA required.\"}")]
    [InlineData(HttpStatusCode.Forbidden, "{\"code\":\"Forbidden\",\"description\":\"Unauthorized - MFA required\"}")]
    [InlineData(HttpStatusCode.Forbidden, "{\"code\":\"900421\"}")]
    public void A_refusal_for_missing_MFA_says_so_with_the_way_out(HttpStatusCode status, string body)
    {
        var error = ApiErrorMapper.Map(status, Encoding.UTF8.GetBytes(body), new Uri("https://api.example/referrals"), null, null, 1);

        Assert.Equal("PartnerReferrals.Auth.MfaRequired", error.ErrorId);
        Assert.Contains("2026-04-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("multi-factor", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_403_about_something_else_stays_forbidden()
    {
        var error = ApiErrorMapper.Map(HttpStatusCode.Forbidden, Encoding.UTF8.GetBytes("{\"code\":\"Forbidden\",\"description\":\"No role.\"}"), null, null, null, 1);

        Assert.Equal("PartnerReferrals.Api.Forbidden", error.ErrorId);
    }

    [Theory]
    [InlineData("{\"amr\":[\"pwd\"]}", true)]
    [InlineData("{\"amr\":[\"pwd\",\"mfa\"]}", false)]
    [InlineData("{\"appid\":\"app\",\"idtyp\":\"app\"}", false)]
    public void Only_a_user_token_without_mfa_warns(string payload, bool warns)
    {
        var host = new RecordingHost();
        var token = "eyJhbGciOiJub25lIn0." + Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".sig";

        MfaCheck.WarnIfMissing(token, host);

        Assert.Equal(warns, host.Warnings.Any(w => w.Contains("2026-04-01", StringComparison.Ordinal)));
    }
}
