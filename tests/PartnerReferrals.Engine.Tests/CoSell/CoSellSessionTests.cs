using System.Net.Http;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.CoSell;

public class CoSellSessionTests
{
    [Fact]
    public void A_session_without_a_Referrals_API_connection_says_so_with_its_own_id_not_the_cloud_refusal()
    {
        using var session = new PartnerReferralsSession(new Uri("http://127.0.0.1:5555/"), new FakeTokens(), null, TestSessions.FastOptions(), new HttpClientHandler());

        var error = Assert.Throws<PartnerReferralsException>(() => session.CoSell());

        Assert.Equal("PartnerReferrals.CoSell.NotConnected", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
        Assert.Contains("Connect-PartnerReferrals", error.RecommendedAction, StringComparison.Ordinal);
    }
}
