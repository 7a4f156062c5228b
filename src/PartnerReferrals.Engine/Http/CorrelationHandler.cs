using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Stamps the headers Partner Center support asks for. Sits outside the retry handler, so MS-RequestId is
/// chosen once per logical request and every retry carries the same one; MS-CorrelationId comes from the
/// operation, so all requests of one cmdlet call share it.
/// </summary>
internal sealed class CorrelationHandler : DelegatingHandler
{
    public const string RequestIdHeader = "MS-RequestId";
    public const string CorrelationIdHeader = "MS-CorrelationId";

    private static readonly ProductInfoHeaderValue UserAgent = new("PartnerReferrals", EngineInfo.Version);
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly PartnerReferralsOptions options;

    public CorrelationHandler(PartnerReferralsOptions options) => this.options = options;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        if (!headers.Contains(RequestIdHeader))
        {
            headers.TryAddWithoutValidation(RequestIdHeader, Guid.NewGuid().ToString());
        }

        if (!headers.Contains(CorrelationIdHeader))
        {
            var correlationId = OperationContext.Of(request)?.CorrelationId ?? Guid.NewGuid();
            headers.TryAddWithoutValidation(CorrelationIdHeader, correlationId.ToString());
        }

        if (!string.IsNullOrWhiteSpace(options.ApplicationName))
        {
            headers.TryAddWithoutValidation("MS-PartnerCenter-Application", options.ApplicationName);
        }

        if (!string.IsNullOrWhiteSpace(options.Locale))
        {
            headers.TryAddWithoutValidation("X-Locale", options.Locale);
        }

        headers.UserAgent.Clear();
        headers.UserAgent.Add(UserAgent);
        headers.Accept.Clear();
        headers.Accept.Add(Json);
        return base.SendAsync(request, cancellationToken);
    }

    internal static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
