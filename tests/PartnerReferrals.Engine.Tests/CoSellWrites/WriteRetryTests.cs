using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.CoSellWrites;

/// <summary>The retry handler repeats a write only where the repeat cannot do it twice.</summary>
public class WriteRetryTests
{
    private static async Task<(HttpStatusCode? Status, int Attempts, PartnerReferralsException? Error)> Send(HttpMethod method, bool ifMatch, Func<int, HttpResponseMessage> respond)
    {
        var handler = new FakeHandler((_, n) => respond(n));
        using var session = TestSessions.Create(handler);
        using var request = new HttpRequestMessage(method, "https://api.test/v1.0/engagements/referrals") { Content = new StringContent("{}") };
        if (ifMatch)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"e1\""));
        }

        try
        {
            using var response = await session.Client.SendAsync(request);
            return (response.StatusCode, handler.Count, null);
        }
        catch (PartnerReferralsException error)
        {
            return (null, handler.Count, error);
        }
    }

    private static HttpResponseMessage Ok(int n) => FakeHandler.Json("{}", HttpStatusCode.Created);

    [Fact]
    public async Task A_create_is_not_repeated_after_a_server_error_it_may_have_acted_on()
    {
        var (status, attempts, _) = await Send(HttpMethod.Post, false, n => n == 1 ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : Ok(n));
        Assert.Equal((HttpStatusCode.InternalServerError, 1), (status, attempts));
    }

    [Fact]
    public async Task A_create_is_not_repeated_after_the_connection_dropped()
    {
        var (_, attempts, error) = await Send(HttpMethod.Post, false, n => n == 1 ? throw new HttpRequestException("response ended prematurely", new IOException("reset")) : Ok(n));
        Assert.Equal(1, attempts);
        Assert.Equal("PartnerReferrals.Http.ConnectionFailed", error!.ErrorId);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_is_repeated_after_the_service_said_it_did_not_act(int refused)
    {
        var (status, attempts, _) = await Send(HttpMethod.Post, false, n => n == 1 ? new HttpResponseMessage((HttpStatusCode)refused) : Ok(n));
        Assert.Equal((HttpStatusCode.Created, 2), (status, attempts));
    }

    [Fact]
    public async Task A_create_is_repeated_when_no_connection_was_made()
    {
        var (status, attempts, _) = await Send(HttpMethod.Post, false, n => n == 1 ? throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)) : Ok(n));
        Assert.Equal((HttpStatusCode.Created, 2), (status, attempts));
    }

    [Fact]
    public async Task A_conditional_update_is_repeated_after_a_drop_because_its_if_match_makes_it_apply_at_most_once()
    {
        var (status, attempts, _) = await Send(new HttpMethod("PATCH"), true, n => n == 1 ? throw new HttpRequestException("reset", new IOException("reset")) : new HttpResponseMessage(HttpStatusCode.NoContent));
        Assert.Equal((HttpStatusCode.NoContent, 2), (status, attempts));
    }

    [Fact]
    public async Task An_unconditional_update_is_not_repeated_after_a_server_error()
    {
        var (status, attempts, _) = await Send(new HttpMethod("PATCH"), false, n => n == 1 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : new HttpResponseMessage(HttpStatusCode.NoContent));
        Assert.Equal((HttpStatusCode.BadGateway, 1), (status, attempts));
    }
}
