using System.Net.Http;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Gives MSAL the session's own network handler, so sign-in goes through the same proxy and, for the
/// emulator, trusts the same pinned certificate (and nothing else) as the API calls.
/// </summary>
internal sealed class PinnedMsalHttpClientFactory : IMsalHttpClientFactory
{
    private readonly HttpClient client;

    // The session's pipeline owns and disposes the handler; MSAL's client must not.
    public PinnedMsalHttpClientFactory(HttpMessageHandler network) => client = new HttpClient(network, disposeHandler: false);

    public HttpClient GetHttpClient() => client;
}
