using System.Net.Http;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>Gives MSAL an HttpClient that trusts exactly the emulator's certificate (by SHA-256 thumbprint).</summary>
internal sealed class TrustingMsalHttpClientFactory(EmulatorServer server) : IMsalHttpClientFactory
{
    private readonly HttpClient client = new(EmulatorHttp.TrustingHandler(server));

    public HttpClient GetHttpClient() => client;
}
