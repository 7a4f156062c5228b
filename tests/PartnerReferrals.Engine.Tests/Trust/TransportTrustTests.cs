using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Trust;

public class TransportTrustTests
{
    private static readonly ReferralQuery OnePage = ReferralQuery.Create(null, null, null, 10, 0, 10);

    [Fact]
    public async Task A_session_on_a_plain_http_url_never_sends_the_token()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json(Pages.Envelope(1, 10, 10)));
        using var session = new PartnerReferralsSession(new Uri("http://127.0.0.1:5555/"), new FakeTokens(), null, TestSessions.FastOptions(), handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(OnePage, session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Http.InsecureUrl", error.ErrorId);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task A_refused_certificate_is_not_retried_and_names_the_pinned_thumbprint()
    {
        var pin = new CertificatePin(new string('A', 64));
        var options = TestSessions.FastOptions();
        options.Pin = pin;
        var handler = new FakeHandler((_, _) => throw new HttpRequestException("The SSL connection could not be established, see inner exception.", new AuthenticationException("The remote certificate was rejected by the provided RemoteCertificateValidationCallback.")));
        using var session = TestSessions.Create(handler, options: options);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(OnePage, session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Http.CertificateRejected", error.ErrorId);
        Assert.Contains(new string('A', 64), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("proxy", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [InlineData("not-hex-at-all")]
    [InlineData("ZZ")]
    [InlineData("0123")]
    public void A_malformed_thumbprint_is_an_argument_error_not_a_format_exception(string thumbprint)
    {
        Assert.Throws<ArgumentException>(() => new CertificatePin(thumbprint));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_budget_says_how_long_the_service_asked_to_wait()
    {
        var delays = new List<TimeSpan>();
        var handler = new FakeHandler((_, _) =>
        {
            var throttled = FakeHandler.Json("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 900 seconds.\"}", (HttpStatusCode)429);
            throttled.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(900));
            return throttled;
        });
        using var session = TestSessions.Create(handler, options: TestSessions.FastOptions(delays));

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () => await session.GetReferralsAsync(OnePage, session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Api.Throttled", error.ErrorId);
        Assert.Contains("900 seconds", error.Message, StringComparison.Ordinal);
        Assert.Contains("300-second retry budget", error.Message, StringComparison.Ordinal);
        Assert.Contains("PARTNERREFERRALS_MAX_RETRY_SECONDS", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(delays);
    }
}
