using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Tests.Hosting;

public class ErrorAdviceTests
{
    [Fact]
    public void An_error_keeps_its_own_advice()
    {
        var error = new PartnerReferralsException("PartnerReferrals.Auth.SignInFailed", ErrorKind.AuthenticationError, "m") { RecommendedAction = "Do this." };
        Assert.Equal("Do this.", ErrorAdvice.For(error));
    }

    [Fact]
    public void Every_known_id_and_any_unknown_one_gets_advice()
    {
        foreach (var id in ErrorAdvice.KnownIds.Append("PartnerReferrals.Something.New"))
        {
            var advice = ErrorAdvice.For(new PartnerReferralsException(id, ErrorKind.InvalidOperation, "m"));
            Assert.False(string.IsNullOrWhiteSpace(advice), id);
        }
    }

    [Fact]
    public void The_certificate_advice_names_the_store_and_the_parameter()
    {
        var advice = ErrorAdvice.For(new PartnerReferralsException("PartnerReferrals.Auth.CertificateNotFound", ErrorKind.ObjectNotFound, "m"));
        Assert.Contains("-CertificateThumbprint", advice, StringComparison.Ordinal);
    }
}
