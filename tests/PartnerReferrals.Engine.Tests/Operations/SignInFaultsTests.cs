using System.Net.Http;
using System.Security.Authentication;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Tests.Operations;

public class SignInFaultsTests
{
    private static readonly ConnectRequest Request = new() { Environment = PartnerEnvironment.Custom, Authority = new Uri("https://login.example.invalid/common") };

    [Fact]
    public void A_tls_failure_inside_an_http_failure_is_TlsFailed()
    {
        var error = SignInFaults.Map(new HttpRequestException("The SSL connection could not be established", new AuthenticationException("untrusted root")), Request);
        Assert.Equal("PartnerReferrals.Auth.TlsFailed", error!.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Equal(Request.Authority, error.Target);
    }

    [Fact]
    public void A_name_resolution_failure_is_NetworkFailed()
    {
        var error = SignInFaults.Map(new HttpRequestException("Name or service not known (login.example.invalid:443)"), Request);
        Assert.Equal("PartnerReferrals.Auth.NetworkFailed", error!.ErrorId);
        Assert.Contains("login.example.invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_errors_are_left_alone()
    {
        Assert.Null(SignInFaults.Map(new InvalidOperationException("x"), Request));
        Assert.Null(SignInFaults.Map(new PartnerReferralsException("PartnerReferrals.Auth.SignInFailed", ErrorKind.AuthenticationError, "m", "a"), Request));
    }
}
