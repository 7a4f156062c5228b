using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// One debug line per attempt on the wire: method, URL, status, time, ids. Deliberately prints no header
/// but the ids, and no body, so the Authorization header cannot leak; the line still passes the redactor.
/// </summary>
internal sealed class TracingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = OperationContext.Of(request);
        if (operation?.Output is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var ids = string.Format(
            CultureInfo.InvariantCulture,
            "MS-RequestId {0}, MS-CorrelationId {1}",
            CorrelationHandler.Header(request, CorrelationHandler.RequestIdHeader),
            CorrelationHandler.Header(request, CorrelationHandler.CorrelationIdHeader));
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            operation.Debug(string.Format(
                CultureInfo.InvariantCulture,
                "HTTP {0} {1} -> {2} {3} in {4} ms ({5})",
                request.Method,
                request.RequestUri,
                (int)response.StatusCode,
                response.ReasonPhrase,
                watch.ElapsedMilliseconds,
                ids));
            return response;
        }
        catch (System.Exception ex) when (ex is HttpRequestException or System.IO.IOException or TaskCanceledException)
        {
            operation.Debug(string.Format(
                CultureInfo.InvariantCulture,
                "HTTP {0} {1} -> failed after {2} ms: {3} ({4})",
                request.Method,
                request.RequestUri,
                watch.ElapsedMilliseconds,
                ex.Message,
                ids));
            throw;
        }
    }
}
