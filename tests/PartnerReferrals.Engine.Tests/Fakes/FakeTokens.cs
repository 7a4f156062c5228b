using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>Hands out token-1, token-2... renewing only when forced, and counts how often it was forced.</summary>
internal sealed class FakeTokens : IAccessTokenProvider
{
    private int generation = 1;

    public int ForcedRefreshes { get; private set; }

    public string Current => "fake-token-" + generation;

    public Task<AccessTokenInfo> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (forceRefresh)
        {
            ForcedRefreshes++;
            generation++;
        }

        return Task.FromResult(new AccessTokenInfo(Current, DateTimeOffset.UtcNow.AddHours(1)));
    }
}
