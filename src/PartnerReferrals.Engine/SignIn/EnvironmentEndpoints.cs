using System;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>Where one environment's API and sign-in authority are, and how far to trust them.</summary>
public sealed class EnvironmentEndpoints
{
    public const string PartnerCenterApi = "https://api.partnercenter.microsoft.com";

    public EnvironmentEndpoints(PartnerEnvironment environment, Uri baseUrl, Uri authority, bool isPublicCloud, CertificatePin? pin = null, string? warning = null)
    {
        Environment = environment;
        BaseUrl = baseUrl;
        Authority = authority;
        IsPublicCloud = isPublicCloud;
        Pin = pin;
        Warning = warning;
    }

    public PartnerEnvironment Environment { get; }

    public Uri BaseUrl { get; }

    /// <summary>The full MSAL authority, tenant included: <c>https://login.microsoftonline.com/{tenant}/</c>.</summary>
    public Uri Authority { get; }

    /// <summary>False for the emulator and custom authorities: MSAL's instance discovery must not ask Microsoft about them.</summary>
    public bool IsPublicCloud { get; }

    /// <summary>The emulator's certificate pin; null elsewhere (normal certificate validation).</summary>
    public CertificatePin? Pin { get; }

    /// <summary>Said once at sign-in (e.g. the retired Germany cloud).</summary>
    public string? Warning { get; }

    /// <summary>Resolves the environment of a Connect request; the emulator's is read from its published file.</summary>
    public static EnvironmentEndpoints Resolve(ConnectRequest request, Func<string, string?>? getEnvironmentVariable = null)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var tenant = string.IsNullOrWhiteSpace(request.TenantId) ? "organizations" : request.TenantId!.Trim();
        var api = new Uri(PartnerCenterApi);
        switch (request.Environment)
        {
            case PartnerEnvironment.Global:
                return new(request.Environment, api, Tenant(new Uri("https://login.microsoftonline.com/"), tenant), true);
            case PartnerEnvironment.USGov:
                return new(request.Environment, api, Tenant(new Uri("https://login.microsoftonline.us/"), tenant), true);
            case PartnerEnvironment.Germany:
                return new(
                    request.Environment,
                    api,
                    Tenant(new Uri("https://login.microsoftonline.de/"), tenant),
                    true,
                    warning: "Microsoft Cloud Germany was retired in October 2021; sign-in there is likely to fail. Tenants that moved to the global cloud use -Environment Global.");
            case PartnerEnvironment.China:
                throw AuthErrors.Failed(
                    "PartnerReferrals.Session.EnvironmentNotSupported",
                    ErrorKind.InvalidArgument,
                    "-Environment China cannot be used: Partner Center operated by 21Vianet does not offer referrals analytics.",
                    "A partner account in the global cloud signs in with -Environment Global (the default); a US government cloud account with -Environment USGov.",
                    "Environment",
                    request.Environment);
            case PartnerEnvironment.Emulator:
                return EmulatorDiscovery.Read(request.EmulatorFile, getEnvironmentVariable, request.TenantId);
            case PartnerEnvironment.Custom:
                if (request.BaseUrl is null || !request.BaseUrl.IsAbsoluteUri)
                {
                    throw Missing("BaseUrl", "the API's base URL, e.g. https://api.partnercenter.microsoft.com");
                }

                if (request.Authority is null || !request.Authority.IsAbsoluteUri)
                {
                    throw Missing("Authority", "the sign-in authority, e.g. https://login.microsoftonline.com/contoso.onmicrosoft.com");
                }

                RequireHttps("BaseUrl", request.BaseUrl);
                RequireHttps("Authority", request.Authority);
                var authority = request.Authority.AbsolutePath.Trim('/').Length == 0 ? Tenant(request.Authority, tenant) : request.Authority;
                return new(request.Environment, request.BaseUrl, authority, false);
            default:
                throw AuthErrors.Failed("PartnerReferrals.Session.UnknownEnvironment", ErrorKind.InvalidArgument, "-Environment " + request.Environment + " is not known.", "Use -Environment Global, USGov, Germany, Emulator or Custom; tab completion offers them.", "Environment", request.Environment);
        }
    }

    internal static Uri Tenant(Uri host, string tenant) => new(new Uri(host.GetLeftPart(UriPartial.Authority) + "/"), Uri.EscapeDataString(tenant) + "/");

    /// <summary>The bearer token (and, for an authority, the user's credentials) only ever travel encrypted.</summary>
    private static void RequireHttps(string parameter, Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw AuthErrors.Failed(
                "PartnerReferrals.Session.InsecureUrl",
                ErrorKind.InvalidArgument,
                "-" + parameter + " " + url.GetLeftPart(UriPartial.Authority) + " is not HTTPS: the access token would be sent in clear text.",
                "Give -" + parameter + " an https:// address.",
                parameter,
                url);
        }
    }

    private static PartnerReferralsException Missing(string parameter, string what) =>
        AuthErrors.Failed(
            "PartnerReferrals.Session.CustomEnvironmentIncomplete",
            ErrorKind.InvalidArgument,
            "-Environment Custom needs -" + parameter + ": " + what + ".",
            "With -Environment Custom, give both -BaseUrl (the API root, e.g. https://api.partnercenter.microsoft.com) and -Authority (the sign-in authority, e.g. https://login.microsoftonline.com).",
            parameter);
}
