using System;
using System.Collections.Generic;

namespace PartnerReferrals.Emulator;

/// <summary>
/// One request to the referrals endpoint as a test sees it. Only the headers a client is expected to send are
/// kept; the Authorization header never is, so no token can leak through a test's output.
/// </summary>
public sealed class RecordedRequest
{
    private static readonly string[] LoggedHeaders =
    [
        CorrelationHeaders.RequestId, CorrelationHeaders.CorrelationId, CorrelationHeaders.Application, "User-Agent",
        "If-Match", "Prefer", "Content-Type", "client-request-id",
    ];

    internal RecordedRequest(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, DateTimeOffset received)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
        Headers = headers;
        Received = received;
        ReceivedMilliseconds = System.Diagnostics.Stopwatch.GetTimestamp() * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }

    /// <summary>GET, POST, PATCH...</summary>
    public string Method { get; }

    /// <summary>Path and query exactly as received (still percent-encoded).</summary>
    public string PathAndQuery { get; }

    /// <summary>
    /// MS-RequestId, MS-CorrelationId, MS-PartnerCenter-Application, User-Agent, and for the co-sell API If-Match,
    /// Prefer, Content-Type and client-request-id, when sent (names ignore case).
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public DateTimeOffset Received { get; }

    /// <summary>When it arrived on the monotonic clock, in milliseconds: unlike the wall clock it is never stepped, so gaps between requests are true.</summary>
    public double ReceivedMilliseconds { get; }

    /// <summary>The status answered; 0 when the connection was dropped on purpose before any response.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The fault injected into this request, if any: latency, throttle, server-error, drop or truncate.</summary>
    public string? Fault { get; internal set; }

    /// <summary>A header's value, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    internal static RecordedRequest From(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in LoggedHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }

        return new RecordedRequest(request.Method, request.Path + request.QueryString, headers, DateTimeOffset.UtcNow);
    }

    public override string ToString() => $"{StatusCode} {Method} {PathAndQuery}{(Fault is null ? string.Empty : " [" + Fault + "]")}";
}
