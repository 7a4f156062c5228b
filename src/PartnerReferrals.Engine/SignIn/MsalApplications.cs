using System.Net.Http;
using Microsoft.Identity.Client;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Builds the MSAL application of a sign-in: public for browser, device code and plain refresh tokens;
/// confidential (with the app's secret or certificate) for the secure application model's refresh token.
/// </summary>
internal static class MsalApplications
{
    public static IClientApplicationBase Build(ConnectRequest request, EnvironmentEndpoints endpoints, string clientId, HttpMessageHandler network)
    {
        var http = new PinnedMsalHttpClientFactory(network);
        var authority = endpoints.Authority.ToString();
        if (request.Method == SignInMethod.RefreshToken && (request.ClientSecret is not null || request.HasCertificate))
        {
            var confidential = ConfidentialClientApplicationBuilder.Create(clientId)
                .WithAuthority(authority)
                .WithHttpClientFactory(http)
                .WithClientName("PartnerReferrals")
                .WithClientVersion(EngineInfo.Version);
            if (!endpoints.IsPublicCloud)
            {
                // Instance discovery would ask login.microsoftonline.com about a host it cannot know.
                confidential = confidential.WithInstanceDiscovery(false);
            }

            // The assertion carries the certificate (x5c), as Entra's subject-name/issuer authentication needs.
            var secret = SecureText.Reveal(request.ClientSecret);
            confidential = secret is not null ? confidential.WithClientSecret(secret) : confidential.WithCertificate(ClientCertificates.Find(request)!, sendX5C: true);
            return confidential.Build();
        }

        var builder = PublicClientApplicationBuilder.Create(clientId)
            .WithAuthority(authority)
            .WithRedirectUri(SignInDefaults.RedirectUri)
            .WithHttpClientFactory(http)
            .WithClientName("PartnerReferrals")
            .WithClientVersion(EngineInfo.Version);
        if (!endpoints.IsPublicCloud)
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        return builder.Build();
    }
}
