using System;
using System.Net;
using PartnerReferrals.Engine.Diagnostics;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// The proxy of a session, from Connect-PartnerReferrals' -Proxy, -ProxyCredential and -ProxyUseDefaultCredentials.
/// A given -Proxy carries every request, loopback included, whatever HTTPS_PROXY and NO_PROXY say; without it the
/// system proxy decides (and credentials, when given, are offered to it). Null means the handler's own default.
/// </summary>
internal static class ProxySettings
{
    public static IWebProxy? For(ConnectRequest request)
    {
        var credentials = request.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : request.ProxyCredential;
        Redactor.RegisterSecret(request.ProxyCredential?.Password);
        if (request.Proxy is { } address)
        {
            // BypassProxyOnLocal stays false: the proxy was named, so even 127.0.0.1 goes through it, as the user asked.
            return new WebProxy(address) { Credentials = credentials };
        }

        return credentials is null ? null : new SystemProxyWithCredentials(credentials);
    }

    /// <summary>The system's choice of proxy per address, answering its credential challenges with the user's.</summary>
    private sealed class SystemProxyWithCredentials(ICredentials credentials) : IWebProxy
    {
        public ICredentials? Credentials
        {
            get => credentials;
            set => throw new NotSupportedException();
        }

        public Uri? GetProxy(Uri destination) => WebRequest.DefaultWebProxy?.GetProxy(destination);

        public bool IsBypassed(Uri host) => WebRequest.DefaultWebProxy?.IsBypassed(host) ?? true;
    }
}
