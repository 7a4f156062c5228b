using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>The network, scripted: each request is answered by a function of the request and its sequence number.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond;
    private int count;

    public FakeHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        : this((request, n, _) => Task.FromResult(respond(request, n)), true)
    {
    }

    private FakeHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond, bool _) => this.respond = respond;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int Count => Volatile.Read(ref count);

    public static FakeHandler Async(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) => new(respond, true);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var n = Interlocked.Increment(ref count);
        Requests.Enqueue(new SeenRequest(
            request.RequestUri!,
            Header(request, "MS-RequestId"),
            Header(request, "MS-CorrelationId"),
            request.Headers.Authorization?.Parameter,
            Header(request, "User-Agent"),
            Header(request, "Accept")));
        return respond(request, n, cancellationToken);
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

internal sealed record SeenRequest(Uri Uri, string? RequestId, string? CorrelationId, string? Token, string? UserAgent, string? Accept)
{
    public string Query => Uri.Query;
}
