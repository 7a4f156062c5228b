using System;
using System.Net.Http;
using System.Threading;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Builds the one HttpClient of a session: correlation → retry → authentication → tracing → network.
/// Correlation is outermost so a request keeps its MS-RequestId across retries; tracing is innermost so
/// every attempt on the wire gets a line; authentication sits inside retry so each attempt has a live token.
/// </summary>
public static class HttpPipeline
{
    /// <summary>The network handler: system proxy unless one is given; the emulator's pin when given.</summary>
    public static HttpClientHandler CreateNetworkHandler(PartnerReferralsOptions options, CertificatePin? pin)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var handler = new HttpClientHandler
        {
            UseProxy = true,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        };
        if (options.Proxy is not null)
        {
            handler.Proxy = options.Proxy;
        }

        pin?.ApplyTo(handler);
        return handler;
    }

    /// <summary>The session's client. <paramref name="network"/> is owned by the client from here on.</summary>
    public static HttpClient CreateClient(IAccessTokenProvider tokens, PartnerReferralsOptions options, HttpMessageHandler network)
    {
        var tracing = new TracingHandler { InnerHandler = network };
        var authentication = new AuthenticationHandler(tokens) { InnerHandler = tracing };
        var retry = new RetryHandler(options) { InnerHandler = authentication };
        var correlation = new CorrelationHandler(options) { InnerHandler = retry };

        // The retry handler applies the per-attempt timeout; HttpClient's own would cut across all retries.
        return new HttpClient(correlation, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
