using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Failures that are the proxy's, not the service's: the proxy wants credentials (407), refuses the tunnel, or
/// cannot be reached. Each gives the same answer on every attempt, so it is reported at once, naming the parameter
/// to change, instead of being retried as a network fault. Used for the API's requests (<see cref="RetryHandler"/>)
/// and for sign-in (MSAL's requests share the session's network handler, so they meet the same proxy).
/// </summary>
internal static class ProxyErrors
{
    public const string AuthenticationRequiredId = "PartnerReferrals.Http.ProxyAuthenticationRequired";
    public const string TunnelRefusedId = "PartnerReferrals.Http.ProxyTunnelRefused";
    public const string UnreachableId = "PartnerReferrals.Http.ProxyUnreachable";

    // .NET (Core) says "The proxy tunnel request to proxy 'http://host:port/' failed with status code '407'."; its
    // HttpRequestException also carries StatusCode and HttpRequestError, read by reflection (netstandard2.0 lacks them).
    private static readonly Regex TunnelStatus = new(@"proxy tunnel request.*?'(\d{3})'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The proxy failure behind <paramref name="fault"/> on a request to <paramref name="target"/>, or null when it is not one.</summary>
    public static PartnerReferralsException? From(Exception? fault, Uri? target, IWebProxy? proxy)
    {
        if (fault is PartnerReferralsException)
        {
            return null;
        }

        var proxyUri = ProxyFor(target, proxy);
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException http && TunnelStatusOf(http) is { } status)
            {
                return status is 407 or 401
                    ? AuthenticationRequired(proxyUri, target, status, HasCredentials(proxy), fault!)
                    : TunnelRefused(proxyUri, target, status, fault!);
            }

            if (proxyUri is not null && (e is SocketException || e is HttpRequestException) && NamesEndpoint(e.Message, proxyUri))
            {
                return Unreachable(proxyUri, e.Message, fault!);
            }
        }

        return null;
    }

    private static int? TunnelStatusOf(HttpRequestException exception)
    {
        var type = exception.GetType();
        var error = type.GetProperty("HttpRequestError")?.GetValue(exception)?.ToString();
        var status = type.GetProperty("StatusCode")?.GetValue(exception) as HttpStatusCode?;
        if (error == "ProxyTunnelError" && status is { } code)
        {
            return (int)code;
        }

        var match = TunnelStatus.Match(exception.Message);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    // "Connection refused (127.0.0.1:18889)": the failing endpoint is the proxy's, not the service's.
    private static bool NamesEndpoint(string message, Uri proxy) =>
        message.IndexOf(proxy.Host + ":" + proxy.Port.ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase) >= 0;

    private static Uri? ProxyFor(Uri? target, IWebProxy? proxy)
    {
        if (target is null)
        {
            return null;
        }

        try
        {
            var chosen = proxy ?? WebRequest.DefaultWebProxy;
            return chosen is null || chosen.IsBypassed(target) ? null : chosen.GetProxy(target);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static bool HasCredentials(IWebProxy? proxy) => proxy?.Credentials is not null;

    private static string Name(Uri? proxy) => proxy is null ? "The proxy" : "The proxy " + proxy.GetLeftPart(UriPartial.Authority);

    private static string Host(Uri? target) => target?.GetLeftPart(UriPartial.Authority) ?? "the service";

    private static PartnerReferralsException AuthenticationRequired(Uri? proxy, Uri? target, int status, bool hadCredentials, Exception fault) =>
        new(
            AuthenticationRequiredId,
            ErrorKind.AuthenticationError,
            string.Format(
                CultureInfo.InvariantCulture,
                hadCredentials
                    ? "{0} refused the credentials given for it (HTTP {1} on the tunnel to {2})."
                    : "{0} asks for credentials (HTTP {1} Proxy Authentication Required on the tunnel to {2}).",
                Name(proxy),
                status,
                Host(target)),
            hadCredentials
                ? "Check the user name and password of -ProxyCredential (Get-Credential), or use -ProxyUseDefaultCredentials where the proxy takes your Windows sign-in."
                : "Pass the proxy's user name and password with -ProxyCredential (Get-Credential), or -ProxyUseDefaultCredentials where the proxy takes your Windows sign-in.",
            proxy,
            fault)
        {
            ParameterName = "ProxyCredential",
            HttpStatus = status,
        };

    private static PartnerReferralsException TunnelRefused(Uri? proxy, Uri? target, int status, Exception fault) =>
        new(
            TunnelRefusedId,
            ErrorKind.ConnectionError,
            string.Format(CultureInfo.InvariantCulture, "{0} refused to open a tunnel to {1} (HTTP {2}).", Name(proxy), Host(target), status),
            "Ask the proxy's administrators to allow HTTPS (CONNECT) to " + Host(target) + ", or give another proxy with -Proxy; retrying does not help.",
            proxy,
            fault)
        {
            ParameterName = "Proxy",
            HttpStatus = status,
        };

    private static PartnerReferralsException Unreachable(Uri proxy, string detail, Exception fault) =>
        new(
            UnreachableId,
            ErrorKind.ConnectionError,
            string.Format(CultureInfo.InvariantCulture, "{0} could not be reached ({1}).", Name(proxy), detail.Trim().TrimEnd('.')),
            "Check the address and port of -Proxy (or of HTTPS_PROXY and the system's proxy settings when -Proxy is not given) and that the proxy is running.",
            proxy,
            fault)
        {
            ParameterName = "Proxy",
        };
}
