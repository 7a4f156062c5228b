using System;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.Sessions;

/// <summary>
/// Parameters of Connect-PartnerReferrals that contradict each other or would be ignored: refused before any
/// sign-in, naming the parameters, since a silently ignored -BaseUrl signs in somewhere the user did not mean.
/// </summary>
public static class ConnectRequestCheck
{
    private const string Prefix = "PartnerReferrals.Session.";

    private static readonly string[] ProxySchemes = ["http", "https", "socks4", "socks4a", "socks5"];

    public static void Validate(ConnectRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.Environment != PartnerEnvironment.Custom && (request.BaseUrl is not null || request.Authority is not null))
        {
            var names = request.BaseUrl is not null && request.Authority is not null ? "-BaseUrl and -Authority" : request.BaseUrl is not null ? "-BaseUrl" : "-Authority";
            throw Conflict(
                "Environment",
                request.Environment,
                string.Format(CultureInfo.InvariantCulture, "{0} apply to -Environment Custom only; with -Environment {1} they would be ignored.", names, request.Environment),
                string.Format(CultureInfo.InvariantCulture, "Add -Environment Custom to use {0}, or leave {0} out.", names));
        }

        if (request.Environment != PartnerEnvironment.Emulator && !string.IsNullOrWhiteSpace(request.EmulatorFile))
        {
            throw Conflict(
                "EmulatorFile",
                request.EmulatorFile,
                string.Format(CultureInfo.InvariantCulture, "-EmulatorFile applies to -Environment Emulator only; with -Environment {0} it would be ignored.", request.Environment),
                "Add -Environment Emulator, or leave -EmulatorFile out.");
        }

        CheckCertificateForms(request);
        if (request.AllowPlaintextCache && request.ContextScope != ContextScope.CurrentUser)
        {
            throw Conflict(
                "AllowPlaintextCache",
                null,
                "-AllowPlaintextCache concerns the token cache of -ContextScope CurrentUser; with -ContextScope " + request.ContextScope + " nothing is written and it would be ignored.",
                "Add -ContextScope CurrentUser to keep the sign-in for later sessions, or leave -AllowPlaintextCache out.");
        }

        CheckProxy(request);

        if (request.ClientId is { } clientId && !string.IsNullOrWhiteSpace(clientId) && !Guid.TryParse(clientId, out _))
        {
            throw new PartnerReferralsException(
                Prefix + "InvalidClientId",
                ErrorKind.InvalidArgument,
                string.Format(CultureInfo.InvariantCulture, "-ClientId: '{0}' is not an application (client) id, which is a GUID such as 11111111-2222-3333-4444-555555555555.", clientId),
                request.Environment == PartnerEnvironment.Emulator
                    ? "The emulator accepts any GUID as the client id, e.g. -ClientId ([guid]::NewGuid())."
                    : "Copy the 'Application (client) ID' of the app registration (Microsoft Entra admin center, App registrations, Overview) into -ClientId; with -ClientSecretCredential it is the credential's user name.",
                clientId)
            {
                ParameterName = "ClientId",
            };
        }
    }

    private static void CheckCertificateForms(ConnectRequest request)
    {
        var forms = new (string Name, bool Given)[]
        {
            ("-ClientSecretCredential", request.ClientSecret is not null),
            ("-Certificate", request.Certificate is not null),
            ("-CertificatePath", !string.IsNullOrWhiteSpace(request.CertificatePath)),
            ("-CertificateThumbprint", !string.IsNullOrWhiteSpace(request.CertificateThumbprint)),
        }.Where(f => f.Given).Select(f => f.Name).ToList();
        if (forms.Count > 1)
        {
            throw Conflict(
                forms[1].TrimStart('-'),
                null,
                string.Join(" and ", forms) + " are ways to prove the app's identity; give one.",
                "Use -ClientSecretCredential for an app secret, or one of -Certificate, -CertificatePath and -CertificateThumbprint for a certificate.");
        }

        if (request.CertificatePassword is not null && string.IsNullOrWhiteSpace(request.CertificatePath))
        {
            throw Conflict(
                "CertificatePassword",
                null,
                "-CertificatePassword is the password of the file of -CertificatePath; without -CertificatePath it would be ignored.",
                "Add -CertificatePath with the PFX file, or leave -CertificatePassword out.");
        }
    }

    private static void CheckProxy(ConnectRequest request)
    {
        if (request.ProxyCredential is not null && request.ProxyUseDefaultCredentials)
        {
            throw Conflict(
                "ProxyCredential",
                null,
                "-ProxyCredential and -ProxyUseDefaultCredentials are two ways to sign in to the proxy; give one.",
                "Use -ProxyCredential for a proxy user name and password, or -ProxyUseDefaultCredentials for your Windows sign-in, not both.");
        }

        if (request.Proxy is not { } proxy)
        {
            return;
        }

        // The address only: a password written into the URI must not be echoed back.
        var shown = proxy.IsAbsoluteUri ? proxy.Scheme + "://" + proxy.Host + (proxy.IsDefaultPort ? string.Empty : ":" + proxy.Port.ToString(CultureInfo.InvariantCulture)) : proxy.OriginalString;
        string? problem = !proxy.IsAbsoluteUri || proxy.Host.Length == 0
            ? "-Proxy: '" + shown + "' is not an absolute address."
            : Array.IndexOf(ProxySchemes, proxy.Scheme.ToLowerInvariant()) < 0
                ? "-Proxy: the scheme '" + proxy.Scheme + "' is not one a proxy speaks here (http, https, socks4, socks4a or socks5)."
                : proxy.UserInfo.Length > 0
                    ? "-Proxy: the address " + shown + " carries a user name or password, which would not be used (and would show wherever the address is shown)."
                    : null;
        if (problem is not null)
        {
            throw new PartnerReferralsException(
                Prefix + "InvalidProxy",
                ErrorKind.InvalidArgument,
                problem,
                "Give the proxy as an address such as http://proxy.contoso.com:8080, and its user name and password with -ProxyCredential.",
                shown)
            {
                ParameterName = "Proxy",
            };
        }
    }

    private static PartnerReferralsException Conflict(string parameter, object? target, string message, string fix) =>
        new(Prefix + "ConflictingParameters", ErrorKind.InvalidArgument, message, fix, target)
        {
            ParameterName = parameter,
        };
}
