using System;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.Sessions;

/// <summary>
/// Sits between the HTTP pipeline and the session's token provider and remembers when the latest token expires,
/// so the context shows the token in use now, not the one of the sign-in. It keeps the time only, never the token.
/// </summary>
internal sealed class TokenExpiryTracker : IAccessTokenProvider
{
    private readonly IAccessTokenProvider inner;
    private long expiresOnUtcTicks = -1;

    public TokenExpiryTracker(IAccessTokenProvider inner)
    {
        this.inner = inner;
    }

    /// <summary>The expiry of the latest token handed out; null before the first one.</summary>
    public DateTimeOffset? LatestExpiresOn
    {
        get
        {
            var ticks = Interlocked.Read(ref expiresOnUtcTicks);
            return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public async Task<AccessTokenInfo> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var token = await inner.GetTokenAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
        if (token.ExpiresOn is { } expiresOn)
        {
            Interlocked.Exchange(ref expiresOnUtcTicks, expiresOn.UtcTicks);
        }

        return token;
    }
}
