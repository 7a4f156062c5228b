using System;
using System.Net.Http;
using System.Threading;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// One logical operation (one cmdlet call): its MS-CorrelationId, where its trace lines go, and what the
/// pipeline learned while running it (throttling lowers the paging concurrency). The session's HttpClient is
/// shared, so this rides on each request rather than on the client.
/// </summary>
public sealed class OperationContext
{
    private const string PropertyKey = "PartnerReferrals.Operation";

    private int concurrency;
    private int throttledCount;

    public OperationContext(IEngineHost? output = null, int maxConcurrency = Queries.ReferralQuery.DefaultThrottleLimit, Guid? correlationId = null)
    {
        Output = output;
        CorrelationId = correlationId ?? Guid.NewGuid();
        concurrency = Math.Max(1, maxConcurrency);
    }

    public Guid CorrelationId { get; }

    /// <summary>Where verbose and debug lines go; null discards them.</summary>
    public IEngineHost? Output { get; }

    /// <summary>How many pages may be in flight now.</summary>
    public int Concurrency => Volatile.Read(ref concurrency);

    /// <summary>How many 429 answers this operation has had.</summary>
    public int ThrottledCount => Volatile.Read(ref throttledCount);

    /// <summary>Halves the paging concurrency: a throttled client that keeps its pace only earns more 429s.</summary>
    public void OnThrottled()
    {
        Interlocked.Increment(ref throttledCount);
        int current;
        do
        {
            current = Volatile.Read(ref concurrency);
        }
        while (current > 1 && Interlocked.CompareExchange(ref concurrency, Math.Max(1, current / 2), current) != current);
    }

    public void Verbose(string message) => Output?.WriteVerbose(message);

    public void Debug(string message) => Output?.WriteDebug(message);

    public void Warning(string message) => Output?.WriteWarning(message);

    internal static OperationContext? Of(HttpRequestMessage request) =>
        request.Properties.TryGetValue(PropertyKey, out var value) ? value as OperationContext : null;

    internal void AttachTo(HttpRequestMessage request) => request.Properties[PropertyKey] = this;
}
