using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Http;

public class RetryTests
{
    private static readonly ReferralQuery OnePage = ReferralQuery.Create(null, null, null, 10, 0, 10);

    private static async Task<List<Models.Referral>> Pull(FakeHandler handler, PartnerReferralsOptions options, RecordingHost? output = null, ReferralQuery? query = null)
    {
        using var session = TestSessions.Create(handler, options: options);
        var rows = new List<Models.Referral>();
        await foreach (var row in session.GetReferralsAsync(query ?? OnePage, session.NewOperation(output)))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_in_full()
    {
        var delays = new List<TimeSpan>();
        var handler = new FakeHandler((_, n) =>
        {
            if (n == 1)
            {
                var throttled = FakeHandler.Json("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 125 seconds.\"}", (HttpStatusCode)429);
                throttled.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(125));
                return throttled;
            }

            return FakeHandler.Json(Pages.Envelope(1, 10, 10));
        });

        var rows = await Pull(handler, TestSessions.FastOptions(delays));

        Assert.Equal(10, rows.Count);
        Assert.Equal([TimeSpan.FromSeconds(125)], delays);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_date()
    {
        var now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var delays = new List<TimeSpan>();
        var options = TestSessions.FastOptions(delays);
        options.Clock = () => now;
        var handler = new FakeHandler((_, n) =>
        {
            if (n == 1)
            {
                var throttled = new HttpResponseMessage((HttpStatusCode)429);
                throttled.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(30));
                return throttled;
            }

            return FakeHandler.Json(Pages.Envelope(1, 10, 10));
        });

        await Pull(handler, options);

        Assert.Equal([TimeSpan.FromSeconds(30)], delays);
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_error_says_how_often_it_was_retried()
    {
        var delays = new List<TimeSpan>();
        var options = TestSessions.FastOptions(delays);
        options.MaxAttempts = 4;
        var handler = new FakeHandler((_, _) => FakeHandler.Json("{\"code\":5000,\"description\":\"Backend unavailable\",\"data\":[],\"source\":\"PartnerFD\"}", HttpStatusCode.ServiceUnavailable));

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(() => Pull(handler, options));

        Assert.Equal(4, handler.Count);
        Assert.Equal(3, delays.Count);
        Assert.Equal("PartnerReferrals.Api.ServerError", error.ErrorId);
        Assert.Equal(503, error.HttpStatus);
        Assert.Equal("5000", error.ApiCode);
        Assert.Contains("retried 3 times", error.Message, StringComparison.Ordinal);
        Assert.Contains("Backend unavailable", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task Backoff_grows_exponentially_and_is_capped()
    {
        var delays = new List<TimeSpan>();
        var options = TestSessions.FastOptions(delays);
        options.MaxAttempts = 6;
        options.MaxRetryDelay = TimeSpan.FromSeconds(5);
        options.MaxRetryDuration = TimeSpan.FromHours(1);
        options.Jitter = () => 1.0;
        var handler = new FakeHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway));

        await Assert.ThrowsAsync<PartnerReferralsException>(() => Pull(handler, options));

        Assert.Equal([1, 2, 4, 5, 5], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Total_retry_time_is_bounded()
    {
        var now = DateTimeOffset.UnixEpoch;
        var options = TestSessions.FastOptions();
        options.Clock = () => now;
        options.Delay = (delay, _) =>
        {
            now += delay;
            return Task.CompletedTask;
        };
        options.MaxAttempts = 100;
        options.MaxRetryDuration = TimeSpan.FromSeconds(60);
        var handler = new FakeHandler((_, _) =>
        {
            var throttled = new HttpResponseMessage((HttpStatusCode)429);
            throttled.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(25));
            return throttled;
        });

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(() => Pull(handler, options));

        Assert.Equal("PartnerReferrals.Api.Throttled", error.ErrorId);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal(3, handler.Count);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_faults_are_retried_with_the_same_request_id_and_reported_as_verbose()
    {
        var output = new RecordingHost();
        var handler = new FakeHandler((_, n) => n < 3
            ? throw new HttpRequestException("connection reset")
            : FakeHandler.Json(Pages.Envelope(1, 10, 10)));

        var rows = await Pull(handler, TestSessions.FastOptions(), output);

        Assert.Equal(10, rows.Count);
        Assert.Single(handler.Requests.Select(r => r.RequestId).Distinct());
        Assert.Equal(2, output.Verbose.Count(l => l.Contains("Retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_body_cut_short_is_retried()
    {
        var handler = new FakeHandler((_, n) => n == 1
            ? FakeHandler.Json(Pages.Envelope(1, 10, 10)[..50])
            : FakeHandler.Json(Pages.Envelope(1, 10, 10)));

        var rows = await Pull(handler, TestSessions.FastOptions());

        Assert.Equal(10, rows.Count);
        Assert.Equal(2, handler.Count);
        Assert.Single(handler.Requests.Select(r => r.RequestId).Distinct());
    }

    [Fact]
    public async Task Network_faults_that_persist_end_in_a_connection_error()
    {
        var options = TestSessions.FastOptions();
        options.MaxAttempts = 3;
        var handler = new FakeHandler((_, _) => throw new HttpRequestException("no route to host"));

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(() => Pull(handler, options));

        Assert.Equal("PartnerReferrals.Http.ConnectionFailed", error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried_while_user_cancellation_is_not()
    {
        var options = TestSessions.FastOptions();
        options.RequestTimeout = TimeSpan.FromMilliseconds(500);
        var handler = FakeHandler.Async(async (_, n, token) =>
        {
            if (n == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
            }

            return FakeHandler.Json(Pages.Envelope(1, 10, 10));
        });

        var rows = await Pull(handler, options);

        Assert.Equal(10, rows.Count);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json("{\"code\":3000,\"description\":\"Invalid filter\",\"data\":[],\"source\":\"PartnerFD\"}", HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(() => Pull(handler, TestSessions.FastOptions()));

        Assert.Equal(1, handler.Count);
        Assert.Equal("PartnerReferrals.Api.BadRequest", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("Invalid filter", error.Message, StringComparison.Ordinal);
    }
}
