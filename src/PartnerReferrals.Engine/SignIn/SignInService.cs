using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;
using Microsoft.Identity.Client;
using PartnerReferrals.Engine.CoSell;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Connect-PartnerReferrals: resolves the environment, signs in with the requested method, and builds the
/// session around one network handler shared by MSAL and the API client (same proxy, same certificate pin).
/// </summary>
internal static class SignInService
{
    private static readonly string[] Scopes = [SignInDefaults.Scope];
    private static readonly string[] CoSellScopes = [CoSellEndpoints.Scope];

    public static async Task<PartnerReferralsSession> ConnectAsync(ConnectRequest request, IEngineHost output, ConnectOptions options, CancellationToken cancellationToken)
    {
        var endpoints = EnvironmentEndpoints.Resolve(request, options.GetEnvironmentVariable);
        if (endpoints.Warning is not null)
        {
            output.WriteWarning(endpoints.Warning);
        }

        var http = options.Http.Clone();
        http.ApplicationName = request.ApplicationName ?? http.ApplicationName;
        http.Pin = endpoints.Pin ?? http.Pin;
        http.Proxy = ProxySettings.For(request) ?? http.Proxy;
        // A retry budget raised for throttling that asks for long waits (the error of a refused Retry-After names the variable).
        if (ConnectOptions.Seconds(options.Variables, RefusedWait.BudgetVariable) is { } budget)
        {
            http.MaxRetryDuration = budget;
        }

        var network = HttpPipeline.CreateNetworkHandler(http, endpoints.Pin);
        try
        {
            var session = request.Method == SignInMethod.AccessToken
                ? WithAccessToken(request, endpoints, http, network, output)
                : await WithMsalAsync(request, endpoints, http, network, output, options, cancellationToken).ConfigureAwait(false);
            var context = session.Context;
            output.WriteVerbose("Signed in as " + (context.Account ?? "an unknown account") + " (tenant " + context.TenantId + ", " + context.SignInMethod +
                ") to " + context.Environment + " at " + context.BaseUrl + "; the token expires " + context.TokenExpiresOn?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ".");
            return session;
        }
        catch (Exception ex)
        {
            network.Dispose();
            throw ProxyErrors.From(ex, endpoints.Authority, http.Proxy) ?? MsalErrors.Map(ex, endpoints, request.Method == SignInMethod.RefreshToken);
        }
    }

    private static PartnerReferralsSession WithAccessToken(ConnectRequest request, EnvironmentEndpoints endpoints, PartnerReferralsOptions http, HttpMessageHandler network, IEngineHost output)
    {
        var token = SecureText.Reveal(request.AccessToken) ?? throw Missing("AccessToken", "-AccessToken needs the token, as a SecureString.");
        var provider = new StaticTokenProvider(token, http.Clock);
        if (provider.ExpiresOn is { } expires && expires <= http.Clock())
        {
            throw AuthErrors.TokenExpired(expires);
        }

        MfaCheck.WarnIfMissing(token, output);
        var context = Context(request, request.Method.ToString(), endpoints, provider.Account, provider.TenantId ?? request.TenantId, request.ClientId ?? provider.ClientId, provider.ExpiresOn);

        // One token, one audience: the other API is refused with its audience named, before any request.
        var coSellUrl = CoSellEndpoints.ReferralsUrlFor(endpoints);
        if (CoSellEndpoints.IsCoSellAudience(provider.Audience))
        {
            var analytics = new RefusedTokenProvider(CoSellErrors.MissingAudience(EnvironmentEndpoints.PartnerCenterApi, provider.Audience, "referrals analytics API"));
            var coSell = coSellUrl is null ? CoSellAccess.Refused(CoSellErrors.NotOffered(context.Environment!)) : CoSellAccess.Available(coSellUrl, provider);
            return new PartnerReferralsSession(endpoints.BaseUrl, analytics, context, http, network, coSell: coSell);
        }

        var refused = coSellUrl is null
            ? CoSellErrors.NotOffered(context.Environment!)
            : CoSellErrors.MissingAudience(CoSellEndpoints.Audience, provider.Audience, "Referrals API (co-sell referrals)");
        return new PartnerReferralsSession(endpoints.BaseUrl, provider, context, http, network, coSell: CoSellAccess.Refused(refused));
    }

    private static async Task<PartnerReferralsSession> WithMsalAsync(
        ConnectRequest request,
        EnvironmentEndpoints endpoints,
        PartnerReferralsOptions http,
        HttpMessageHandler network,
        IEngineHost output,
        ConnectOptions options,
        CancellationToken cancellationToken)
    {
        var clientId = ClientIdSource.Resolve(request, options);
        // MSAL's requests pass the capture first: it keeps the refresh token of each answer (they rotate).
        var refreshTokens = new RefreshTokenCapture(network, http.Clock);
        var app = MsalApplications.Build(request, endpoints, clientId, refreshTokens);
        Action? afterAcquire = null;
        if (request.ContextScope == ContextScope.CurrentUser)
        {
            afterAcquire = await TokenCacheStore.AttachAsync(app.UserTokenCache, options.TokenCacheFolder ?? TokenCacheStore.DefaultFolder, request.AllowPlaintextCache, output).ConfigureAwait(false);
        }

        var (result, method) = await AcquireAsync(app, request, output, options, cancellationToken).ConfigureAwait(false);
        afterAcquire?.Invoke();
        MfaCheck.WarnIfMissing(result.AccessToken, output);
        var account = result.Account ?? (await app.GetAccountsAsync().ConfigureAwait(false)).FirstOrDefault()
            ?? throw AuthErrors.Failed("PartnerReferrals.Auth.NoAccount", ErrorKind.AuthenticationError, "The sign-in returned no account, so tokens could not be renewed later.", "Sign in with -UseDeviceCode or interactively, so the module can renew tokens later.");
        var provider = new MsalTokenProvider(app, account, Scopes, afterAcquire, request.Method == SignInMethod.RefreshToken);
        var context = Context(request, method, endpoints, account.Username, result.TenantId ?? request.TenantId, clientId, result.ExpiresOn);
        return new PartnerReferralsSession(endpoints.BaseUrl, provider, context, http, network, owned: provider, coSell: CoSellOf(endpoints, context, provider)) { RefreshTokens = refreshTokens };
    }

    /// <summary>The tokens of the sign-in, and how this session got them (what Get-PartnerReferralsContext shows).</summary>
    private static async Task<(AuthenticationResult Result, string Method)> AcquireAsync(IClientApplicationBase app, ConnectRequest request, IEngineHost output, ConnectOptions options, CancellationToken cancellationToken)
    {
        if (request.Method == SignInMethod.RefreshToken)
        {
            var refreshToken = SecureText.Reveal(request.RefreshToken) ?? throw Missing("RefreshToken", "-RefreshToken needs the refresh token, as a SecureString.");
            return (await ((IByRefreshToken)app).AcquireTokenByRefreshToken(Scopes, refreshToken).ExecuteAsync(cancellationToken).ConfigureAwait(false), request.Method.ToString());
        }

        if (await CachedAsync(app, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return (cached, PersistedCacheMethod);
        }

        var publicApp = (IPublicClientApplication)app;
        if (request.Method == SignInMethod.Interactive)
        {
            var environment = options.Variables;
            var why = options.OpenBrowser is null ? BrowserSignIn.WhyNoBrowser(environment) : null;
            if (why is null)
            {
                try
                {
                    return (await BrowserSignIn.AcquireAsync(publicApp, Scopes, output, options.OpenBrowser, environment, cancellationToken).ConfigureAwait(false), request.Method.ToString());
                }
                catch (BrowserNotOpenedException ex)
                {
                    why = ex.Message;
                }
            }

            output.WriteWarning("No browser can open for the sign-in: " + why + ". Signing in with a device code instead; -UseDeviceCode asks for one at once. " + BrowserSignIn.Unattended);
        }

        return (await publicApp.AcquireTokenWithDeviceCode(Scopes, code =>
        {
            // A warning, so it shows even with default preferences: the user must act on it.
            output.WriteWarning(code.Message);
            return Task.CompletedTask;
        }).ExecuteAsync(cancellationToken).ConfigureAwait(false), nameof(SignInMethod.DeviceCode));
    }

    /// <summary>The sign-in method of a session restored silently from the -ContextScope CurrentUser cache.</summary>
    internal const string PersistedCacheMethod = "PersistedCache";

    /// <summary>With a persisted cache, a returning user signs in silently; only a single cached account is taken, to never pick the wrong one.</summary>
    private static async Task<AuthenticationResult?> CachedAsync(IClientApplicationBase app, CancellationToken cancellationToken)
    {
        var accounts = (await app.GetAccountsAsync().ConfigureAwait(false)).ToList();
        if (accounts.Count != 1)
        {
            return null;
        }

        try
        {
            return await app.AcquireTokenSilent(Scopes, accounts[0]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MsalUiRequiredException)
        {
            return null;
        }
    }

    /// <summary>The Referrals API's tokens come from the same account, silently: no second prompt.</summary>
    private static CoSellAccess CoSellOf(EnvironmentEndpoints endpoints, PartnerReferralsContext context, MsalTokenProvider provider) =>
        CoSellEndpoints.ReferralsUrlFor(endpoints) is { } url
            ? CoSellAccess.Available(url, provider.ForScopes(CoSellScopes))
            : CoSellAccess.Refused(CoSellErrors.NotOffered(context.Environment!));

    private static PartnerReferralsContext Context(ConnectRequest request, string method, EnvironmentEndpoints endpoints, string? account, string? tenantId, string? clientId, DateTimeOffset? expiresOn) => new()
    {
        Account = account,
        TenantId = tenantId,
        ClientId = clientId,
        Environment = endpoints.Environment.ToString(),
        BaseUrl = endpoints.BaseUrl.ToString(),
        Proxy = request.Proxy?.GetLeftPart(UriPartial.Authority),
        SignInMethod = method,
        ContextScope = request.ContextScope.ToString(),
        TokenExpiresOn = expiresOn,
    };

    private static PartnerReferralsException Missing(string parameter, string message) =>
        new("PartnerReferrals.Auth.CredentialMissing", ErrorKind.InvalidArgument, message, "Give -" + parameter + " as a SecureString, for example from Get-Secret or Read-Host -AsSecureString.") { ParameterName = parameter };
}
