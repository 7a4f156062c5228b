using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Gets and parses one page. The HTTP pipeline retries what fails on the wire; this retries the one fault
/// only visible after parsing, a body cut short, within the same attempt bound and with the same
/// MS-RequestId, since it is the same logical request.
/// </summary>
internal sealed class PageFetcher
{
    private readonly HttpClient client;
    private readonly PartnerReferralsOptions options;

    private readonly IAccessTokenProvider? tokens;
    private readonly ApiSurface surface;

    /// <param name="client">The session's client.</param>
    /// <param name="options">Pipeline tuning.</param>
    /// <param name="tokens">Tokens for another audience than the session's own (the co-sell API); null for the session's.</param>
    /// <param name="surface">Which API, for the wording of its errors.</param>
    public PageFetcher(HttpClient client, PartnerReferralsOptions options, IAccessTokenProvider? tokens = null, ApiSurface surface = ApiSurface.Analytics)
    {
        this.surface = surface;
        this.tokens = tokens;
        this.client = client;
        this.options = options;
    }

    public async Task<Page<T>> FetchAsync<T>(Uri url, SpanPageParser<T> parse, int expectedRows, OperationContext operation, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await SendAsync(request, requestId, operation, cancellationToken).ConfigureAwait(false);
            var body = await BufferedBodyContent.ReadBodyAsync(response.Content).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ErrorOf(response, body, request, operation);
            }

            try
            {
                // Parsed before the response (and its pooled buffer) is disposed; the page keeps no reference to it.
                return parse(new ReadOnlySpan<byte>(body.Array, body.Offset, body.Count), expectedRows);
            }
            catch (TruncatedJsonException) when (attempt < options.MaxAttempts)
            {
                var delay = RetryPolicy.Backoff(options, attempt);
                operation.Verbose(string.Format(
                    CultureInfo.InvariantCulture,
                    "Retrying GET {0}: the response body was cut short (attempt {1} of {2}), waiting {3:0.0} s.",
                    url.GetLeftPart(UriPartial.Path),
                    attempt,
                    options.MaxAttempts,
                    delay.TotalSeconds));
                await options.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException or TruncatedJsonException)
            {
                throw new PartnerReferralsException(
                    "PartnerReferrals.Api.MalformedResponse",
                    ErrorKind.InvalidData,
                    "The API's answer could not be read as referrals data: " + ex.Message,
                    "If a proxy or gateway sits in between, check that it passes the API through; otherwise run the command again, and if it persists give Partner Center support the MS-RequestId.",
                    url,
                    ex)
                {
                    RequestId = requestId,
                    CorrelationId = operation.CorrelationId.ToString(),
                    HttpStatus = (int)response.StatusCode,
                };
            }
        }
    }

    /// <summary>
    /// Sends a request as every request to this API is sent: with its MS-RequestId (the same on each attempt of one
    /// logical request), the operation it belongs to and the tokens of this API's audience. Headers-read: the retry
    /// handler has already read the body; HttpClient would otherwise buffer a copy of it.
    /// </summary>
    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string requestId, OperationContext operation, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation(CorrelationHandler.RequestIdHeader, requestId);
        operation.AttachTo(request);
        if (tokens is not null)
        {
            AuthenticationHandler.UseTokens(request, tokens);
        }

        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The catalogue's error for a refused request, from the answer's body (read whole already).</summary>
    internal PartnerReferralsException ErrorOf(HttpResponseMessage response, ArraySegment<byte> body, HttpRequestMessage request, OperationContext operation)
    {
        var requestId = request.Headers.TryGetValues(CorrelationHandler.RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        return ApiErrorMapper.Map(response.StatusCode, body, request.RequestUri, requestId, operation.CorrelationId.ToString(), RetryHandler.AttemptsOf(request), RetryHandler.RefusedWaitOf(request), surface);
    }
}
