using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Http;

/// <summary>A proxy's refusal is the same on every attempt: the API request fails at once, with an error naming the parameter to change.</summary>
public class ProxyFailureTests
{
    private static readonly ReferralQuery OnePage = ReferralQuery.Create(null, null, null, 10, 0, 10);
    private static readonly Uri ProxyAddress = new("http://127.0.0.1:3128");

    private static async Task<PartnerReferralsException> PullFailing(Exception fault, List<TimeSpan> delays)
    {
        var handler = new FakeHandler((_, _) => throw fault);
        var options = TestSessions.FastOptions(delays);
        options.Proxy = new WebProxy(ProxyAddress);
        using var session = TestSessions.Create(handler, options: options);
        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () =>
        {
            await foreach (var _ in session.GetReferralsAsync(OnePage, session.NewOperation(null)))
            {
            }
        });
        Assert.Equal(1, handler.Count);
        Assert.Empty(delays);
        return error;
    }

    [Theory]
    [InlineData(407)]
    [InlineData(401)]
    public async Task A_tunnel_refused_for_credentials_is_ProxyAuthenticationRequired_without_a_retry(int status)
    {
        var error = await PullFailing(new HttpRequestException("The proxy tunnel request to proxy 'http://127.0.0.1:3128/' failed with status code '" + status + "'."), []);

        Assert.Equal("PartnerReferrals.Http.ProxyAuthenticationRequired", error.ErrorId);
        Assert.Equal("ProxyCredential", error.ParameterName);
        Assert.Equal(ProxyAddress, error.Target);
        Assert.Contains("-ProxyCredential", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tunnel_refused_for_another_reason_is_ProxyTunnelRefused_naming_Proxy()
    {
        var error = await PullFailing(new HttpRequestException("The proxy tunnel request to proxy 'http://127.0.0.1:3128/' failed with status code '403'."), []);

        Assert.Equal("PartnerReferrals.Http.ProxyTunnelRefused", error.ErrorId);
        Assert.Equal("Proxy", error.ParameterName);
        Assert.Equal(403, error.HttpStatus);
    }

    [Fact]
    public async Task A_proxy_nobody_listens_on_is_ProxyUnreachable()
    {
        var error = await PullFailing(new HttpRequestException("Connection refused (127.0.0.1:3128)", new SocketException((int)SocketError.ConnectionRefused)), []);

        Assert.Equal("PartnerReferrals.Http.ProxyUnreachable", error.ErrorId);
        Assert.Equal("Proxy", error.ParameterName);
    }

    [Fact]
    public async Task A_connection_failure_of_the_service_itself_is_still_retried()
    {
        var delays = new List<TimeSpan>();
        var handler = new FakeHandler((_, n) => n == 1
            ? throw new HttpRequestException("Connection reset by peer (api.example:443)")
            : FakeHandler.Json(Pages.Envelope(1, 10, 10)));
        var options = TestSessions.FastOptions(delays);
        options.Proxy = new WebProxy(ProxyAddress);
        using var session = TestSessions.Create(handler, options: options);
        var rows = 0;
        await foreach (var _ in session.GetReferralsAsync(OnePage, session.NewOperation(null)))
        {
            rows++;
        }

        Assert.Equal(10, rows);
        Assert.Single(delays);
    }
}
