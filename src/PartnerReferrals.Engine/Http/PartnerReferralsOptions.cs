using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Tuning of the HTTP pipeline and paging. The defaults suit an interactive pull; automation may raise the
/// bounds. Clock, delay and jitter are injectable so tests never sleep.
/// </summary>
public sealed class PartnerReferralsOptions
{
    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Upper bound on the time one request may spend in retries, waits included.</summary>
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First backoff step; doubled per attempt, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of one backoff step. A server's Retry-After is honoured even when longer, within <see cref="MaxRetryDuration"/>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time one attempt may take (headers and body), distinct from the user's cancellation.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Pages fetched at once when the total count is known; lowered after a 429.</summary>
    public int MaxConcurrency { get; set; } = Queries.ReferralQuery.DefaultThrottleLimit;

    /// <summary>An explicit proxy; null uses the system proxy (environment variables, OS settings).</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Sent as MS-PartnerCenter-Application when set.</summary>
    public string? ApplicationName { get; set; }

    /// <summary>Sent as X-Locale when set (the API's default is en-US).</summary>
    public string? Locale { get; set; }

    /// <summary>How to wait between attempts. Tests replace it to record delays instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

    /// <summary>Now, for Retry-After dates, the retry time budget and token expiry.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>A value in [0, 1) that spreads backoff delays so parallel clients do not retry in step.</summary>
    public Func<double> Jitter { get; set; } = SharedRandom.NextDouble;

    /// <summary>The emulator's certificate pin, named in the error when a handshake is refused; null elsewhere.</summary>
    public CertificatePin? Pin { get; set; }

    /// <summary>A copy, so a session keeps its own settings when the caller changes theirs.</summary>
    public PartnerReferralsOptions Clone() => (PartnerReferralsOptions)MemberwiseClone();

    private static class SharedRandom
    {
        private static readonly Random Random = new();

        public static double NextDouble()
        {
            lock (Random)
            {
                return Random.NextDouble();
            }
        }
    }
}
