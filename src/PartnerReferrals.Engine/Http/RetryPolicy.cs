using System;
using System.IO;
using System.Net.Http;

namespace PartnerReferrals.Engine.Http;

/// <summary>What is worth retrying and how long to wait: pure functions, so they are tested without a clock.</summary>
internal static class RetryPolicy
{
    public const int TooManyRequests = 429;

    /// <summary>Timeouts, throttling and server-side failures are transient; every other status is an answer.</summary>
    public static bool IsTransient(int status) => status is 408 or TooManyRequests or 500 or 502 or 503 or 504;

    /// <summary>Faults of the connection or of the body while it streams in (a dropped or truncated response).</summary>
    public static bool IsNetworkFault(Exception ex) => ex is HttpRequestException or IOException or ObjectDisposedException;

    /// <summary>Exponential backoff, capped, with "equal jitter": half fixed, half random.</summary>
    public static TimeSpan Backoff(PartnerReferralsOptions options, int attempt)
    {
        var exponential = options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * options.Jitter()));
    }

    /// <summary>
    /// The whole delay a Retry-After header asks for: its delta in full (not the 0..59 seconds part), or the
    /// time until its HTTP date. Null when the response has none.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// After a 429 the server's Retry-After is the floor and backoff grows above it on repeats; after a
    /// 5xx a Retry-After (503 may carry one) replaces the backoff.
    /// </summary>
    public static TimeSpan DelayFor(PartnerReferralsOptions options, int attempt, int? status, TimeSpan? retryAfter)
    {
        var backoff = Backoff(options, attempt);
        if (status == TooManyRequests)
        {
            return retryAfter is { } floor && floor > backoff ? floor : backoff;
        }

        return retryAfter ?? backoff;
    }
}
