using System.Net.Http;
using System.Net.Http.Headers;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Where the emulator is and how to reach it: enough for this process or a child process to build an engine
/// session and a raw client that share one network handler configuration (the engine's own, with its pin).
/// </summary>
public sealed record Connection(Uri BaseAddress, string Thumbprint, string Token)
{
    /// <summary>The token goes to child processes through the environment, never on a command line.</summary>
    public const string TokenVariable = "PARTNERREFERRALS_BENCH_TOKEN";

    public PartnerReferralsSession NewSession(int maxConcurrency) =>
        new(BaseAddress, new FixedToken(Token), null, Options(maxConcurrency), null, new CertificatePin(Thumbprint));

    /// <summary>A plain HttpClient over the engine's network handler: what the baselines read pages with.</summary>
    public HttpClient NewRawClient()
    {
        var handler = HttpPipeline.CreateNetworkHandler(new PartnerReferralsOptions(), new CertificatePin(Thumbprint));
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public static PartnerReferralsOptions Options(int maxConcurrency) => new() { MaxConcurrency = maxConcurrency };

    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        private readonly Task<AccessTokenInfo> info = Task.FromResult(new AccessTokenInfo(token, DateTimeOffset.UtcNow.AddHours(4)));

        public Task<AccessTokenInfo> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => info;
    }
}
