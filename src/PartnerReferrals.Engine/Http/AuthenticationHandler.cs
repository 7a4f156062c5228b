using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Adds the bearer token to each attempt. A 401 means the API no longer accepts the token it was given
/// (revoked, or expired early), so the handler asks for a fresh one once and resends; a second 401 goes back
/// to the caller, which reports it as "sign in again". Inside the retry handler, so a retry after a long
/// Retry-After wait gets a token that is still valid.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider tokens;

    private const string TokensKey = "PartnerReferrals.Tokens";

    public AuthenticationHandler(IAccessTokenProvider tokens) => this.tokens = tokens;

    /// <summary>Sends <paramref name="request"/> with tokens for another API (another audience) than the session's own, over the same pipeline.</summary>
    internal static void UseTokens(HttpRequestMessage request, IAccessTokenProvider tokens) => request.Properties[TokensKey] = tokens;

    private static IAccessTokenProvider? TokensOf(HttpRequestMessage request) =>
        request.Properties.TryGetValue(TokensKey, out var value) ? value as IAccessTokenProvider : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The last line of defence, whatever built the URL (a session, a next link, a test): no token in clear text.
        if (request.RequestUri is not { } url || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new PartnerReferralsException(
                "PartnerReferrals.Http.InsecureUrl",
                ErrorKind.InvalidOperation,
                "The request to " + request.RequestUri?.GetLeftPart(UriPartial.Authority) + " was not sent: it is not HTTPS, and the access token is only ever sent over HTTPS.",
                "Connect with an https:// base URL.",
                request.RequestUri);
        }

        var tokens = TokensOf(request) ?? this.tokens;
        var token = await tokens.GetTokenAsync(false, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        OperationContext.Of(request)?.Verbose("The API answered 401 Unauthorized; renewing the access token once and retrying.");
        response.Dispose();
        token = await tokens.GetTokenAsync(true, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
