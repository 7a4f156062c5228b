using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Retries transient failures within bounds (attempts and total time), applies the per-attempt timeout, and
/// reads a successful body completely inside the attempt, so a connection dropped mid-body is retried like
/// any other network fault. The body is read once, into a pooled buffer the page parser reads in place
/// (<see cref="BufferedBodyContent"/>). A non-transient or final response is returned for the caller to map; a final
/// network fault or timeout is thrown as a <see cref="PartnerReferralsException"/>. A write is repeated only where
/// that cannot do it twice (<see cref="RetryPolicy.MayRepeat"/>): a conditional update always, a create only after an
/// attempt the service certainly did not act on.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private const string AttemptsKey = "PartnerReferrals.Attempts";
    private const string RefusedWaitKey = "PartnerReferrals.RefusedWait";

    private readonly PartnerReferralsOptions options;
    private readonly BodyLoader bodies;

    // Bodies alive at once: the pages in flight, plus the one being parsed.
    public RetryHandler(PartnerReferralsOptions options)
        : this(options, new BodyLoader(options.MaxConcurrency + 1))
    {
    }

    internal RetryHandler(PartnerReferralsOptions options, BodyLoader bodies)
    {
        this.options = options;
        this.bodies = bodies;
    }

    /// <summary>How many attempts the request took, for error messages ("throttled after 6 attempts").</summary>
    internal static int AttemptsOf(HttpRequestMessage request) =>
        request.Properties.TryGetValue(AttemptsKey, out var value) && value is int attempts ? attempts : 1;

    /// <summary>The Retry-After the handler did not wait out because it exceeded the retry budget, or null.</summary>
    internal static RefusedWait? RefusedWaitOf(HttpRequestMessage request) =>
        request.Properties.TryGetValue(RefusedWaitKey, out var value) ? value as RefusedWait : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = OperationContext.Of(request);
        var started = options.Clock();
        for (var attempt = 1; ; attempt++)
        {
            request.Properties[AttemptsKey] = attempt;
            var (response, fault) = await AttemptAsync(request, cancellationToken).ConfigureAwait(false);
            var status = response is null ? (int?)null : (int)response.StatusCode;
            if (response is not null && !RetryPolicy.IsTransient(status!.Value))
            {
                return response;
            }

            if (response is null && CertificateErrors.IsCertificateFailure(fault))
            {
                // The same certificate comes back on every attempt: say so now instead of after six.
                throw CertificateErrors.Rejected(request.RequestUri, options.Pin, fault!);
            }

            if (response is null && ProxyErrors.From(fault, request.RequestUri, options.Proxy) is { } proxyFailure)
            {
                // The proxy answers the same way on every attempt (credentials, a refused tunnel, nobody listening).
                throw proxyFailure;
            }

            if (!RetryPolicy.MayRepeat(request, status, fault))
            {
                // A create that may have reached the service: repeating it could create a second referral.
                operation?.Verbose(string.Format(
                    CultureInfo.InvariantCulture,
                    "Not repeating {0} {1} after {2}: the service may have acted on it, and a repeat could do it twice.",
                    request.Method,
                    request.RequestUri?.GetLeftPart(UriPartial.Path),
                    response is null ? fault!.Message : status!.Value.ToString(CultureInfo.InvariantCulture)));
                return response ?? throw GaveUp(request, fault!, attempt);
            }

            if (status == RetryPolicy.TooManyRequests)
            {
                operation?.OnThrottled();
            }

            var retryAfter = response is null ? null : RetryPolicy.RetryAfter(response, options.Clock());
            var delay = RetryPolicy.DelayFor(options, attempt, status, retryAfter);
            var elapsed = options.Clock() - started;
            if (attempt >= options.MaxAttempts || elapsed + delay > options.MaxRetryDuration)
            {
                if (response is not null && retryAfter is { } asked && elapsed + asked > options.MaxRetryDuration)
                {
                    request.Properties[RefusedWaitKey] = new RefusedWait(asked, options.MaxRetryDuration - elapsed, options.MaxRetryDuration);
                }

                return response ?? throw GaveUp(request, fault!, attempt);
            }

            var reason = response is null ? fault!.Message : string.Format(CultureInfo.InvariantCulture, "{0} {1}", status, response.ReasonPhrase);
            operation?.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "Retrying {0} {1} after {2} (attempt {3} of {4}), waiting {5:0.0} s.",
                request.Method,
                request.RequestUri?.GetLeftPart(UriPartial.Path),
                reason,
                attempt,
                options.MaxAttempts,
                delay.TotalSeconds));
            response?.Dispose();
            await options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(HttpResponseMessage? Response, Exception? Fault)> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            // Error bodies too: a connection dropped while one streams in is a network fault to retry, not a crash later.
            if (response.Content is not null)
            {
                // Not every stream honours the token: disposing the response aborts a stalled read.
                using (timeout.Token.Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
                {
                    var original = response.Content;
                    response.Content = await bodies.LoadAsync(original, timeout.Token).ConfigureAwait(false);
                    original.Dispose();
                }

                timeout.Token.ThrowIfCancellationRequested();
            }

            return (response, null);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // The user's stop aborted the read (the response was disposed under it): report the stop, not the symptom.
            response?.Dispose();
            throw new OperationCanceledException("The operation was cancelled.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            return (null, new TimeoutException("no answer within " + options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s", ex));
        }
        catch (Exception ex) when (RetryPolicy.IsNetworkFault(ex) && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            return (null, ex);
        }
    }

    private static PartnerReferralsException GaveUp(HttpRequestMessage request, Exception fault, int attempts)
    {
        var requestId = CorrelationHandler.Header(request, CorrelationHandler.RequestIdHeader);
        var correlationId = CorrelationHandler.Header(request, CorrelationHandler.CorrelationIdHeader);
        var host = request.RequestUri?.Host;
        if (fault is TimeoutException)
        {
            return new PartnerReferralsException(
                "PartnerReferrals.Http.Timeout",
                ErrorKind.OperationTimeout,
                string.Format(CultureInfo.InvariantCulture, "{0} gave {1} after {2} attempts.", host, fault.Message, attempts),
                "Try again later, or check the network and proxy.",
                request.RequestUri,
                fault)
            {
                RequestId = requestId,
                CorrelationId = correlationId,
            };
        }

        return new PartnerReferralsException(
            "PartnerReferrals.Http.ConnectionFailed",
            ErrorKind.ConnectionError,
            string.Format(CultureInfo.InvariantCulture, "Could not complete a request to {0} after {1} attempts: {2}", host, attempts, fault.Message),
            "Check the network connection and proxy settings (HTTPS_PROXY), then try again.",
            request.RequestUri,
            fault)
        {
            RequestId = requestId,
            CorrelationId = correlationId,
        };
    }
}
