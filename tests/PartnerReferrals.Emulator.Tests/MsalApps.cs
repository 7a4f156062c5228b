using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>MSAL applications pointed at an emulator the way the module will build them.</summary>
internal static class MsalApps
{
    public const string ClientId = "8f4b2c1d-3e5a-4b6c-9d7e-0f1a2b3c4d5e";

    public static readonly string[] Scopes = ["https://api.partnercenter.microsoft.com/user_impersonation"];

    public static readonly string[] AppScopes = ["https://api.partnercenter.microsoft.com/.default"];

    // Instance discovery asks login.microsoftonline.com about the host: impossible offline and meaningless
    // for a local authority, so it is switched off (as the engine does for every non-public cloud).
    public static IPublicClientApplication Public(EmulatorServer server, string? authority = null, string? redirectUri = null)
    {
        var builder = PublicClientApplicationBuilder.Create(ClientId)
            .WithAuthority(authority ?? server.Authority.ToString())
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new TrustingMsalHttpClientFactory(server));
        return (redirectUri is null ? builder : builder.WithRedirectUri(redirectUri)).Build();
    }

    public static ConfidentialClientApplicationBuilder Confidential(EmulatorServer server) =>
        ConfidentialClientApplicationBuilder.Create(ClientId)
            .WithAuthority(server.Authority.ToString())
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new TrustingMsalHttpClientFactory(server));
}
