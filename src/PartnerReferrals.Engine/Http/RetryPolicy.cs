using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;

namespace PartnerReferrals.Engine.Http;

/// <summary>What is worth retrying and how long to wait: pure functions, so they are tested without a clock.</summary>
internal static class RetryPolicy
{
    public const int TooManyRequests = 429;

    /// <summary>Timeouts, throttling and server-side failures are transient; every other status is an answer.</summary>
    public static bool IsTransient(int status) => status is 408 or TooManyRequests or 500 or 502 or 503 or 504;

    /// <summary>Faults of the connection or of the body while it streams in (a dropped or truncated response).</summary>
    public static bool IsNetworkFault(Exception ex) => ex is HttpRequestException or IOException or ObjectDisposedException;

    /// <summary>
    /// Whether sending <paramref name="request"/> twice can do nothing twice: a read, or a write made conditional by
    /// If-Match. A conditional write (an update's PATCH) that took effect on the first attempt changed the eTag, so
    /// its repeat is refused with 412 and never applies the change a second time nor overwrites a later one.
    /// </summary>
    public static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Headers.Contains("If-Match");

    /// <summary>
    /// Whether an attempt certainly did not reach the service's logic, so any request may be sent again: the service
    /// said so (408 it timed out waiting for the request, 429 throttled, 503 unavailable), or no connection was made.
    /// A dropped connection, a timeout or another 5xx after the request went out leave the outcome unknown.
    /// </summary>
    public static bool WasNotProcessed(int? status, Exception? fault) =>
        status is 408 or TooManyRequests or 503 || (status is null && NeverConnected(fault));

    /// <summary>
    /// The decision of the retry handler for an attempt that failed transiently: a safe request may be repeated; a
    /// create (POST) only when the attempt was not processed, since its repeat could create the referral twice.
    /// </summary>
    public static bool MayRepeat(HttpRequestMessage request, int? status, Exception? fault) =>
        IsSafeToRepeat(request ?? throw new ArgumentNullException(nameof(request))) || WasNotProcessed(status, fault);

    // Socket errors of a connection that was never made: the request cannot have reached the service.
    private static readonly SocketError[] NoConnection =
    [
        SocketError.ConnectionRefused, SocketError.HostNotFound, SocketError.HostUnreachable,
        SocketError.NetworkUnreachable, SocketError.TryAgain, SocketError.AddressNotAvailable, SocketError.NoData,
    ];

    private static bool NeverConnected(Exception? fault)
    {
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket && NoConnection.Contains(socket.SocketErrorCode))
            {
                return true;
            }
        }

        return false;
    }

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
