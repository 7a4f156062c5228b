using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>HTTP clients that trust exactly one emulator's certificate, compared by SHA-256 thumbprint.</summary>
internal static class EmulatorHttp
{
    public static HttpClientHandler TrustingHandler(EmulatorServer server, bool followRedirects = true) => new()
    {
        AllowAutoRedirect = followRedirects,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            certificate is not null
            && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), server.CertificateThumbprint, StringComparison.Ordinal),
    };

    public static HttpClient Client(EmulatorServer server, string? token = null, bool followRedirects = true)
    {
        var client = new HttpClient(TrustingHandler(server, followRedirects)) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The referrals URL with a query built from raw name/value pairs, each value percent-encoded.</summary>
    public static string ReferralsUrl(params (string Name, string Value)[] parameters) =>
        "partner/v1/analytics/referrals" + (parameters.Length == 0
            ? string.Empty
            : "?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value))));
}
