using System;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// An access token the user handed in (-AccessToken): used as is, never renewed. Once its <c>exp</c> has
/// passed, every request fails with a clear "expired" error instead of a bare 401.
/// </summary>
public sealed class StaticTokenProvider : IAccessTokenProvider
{
    private readonly AccessTokenInfo token;
    private readonly Func<DateTimeOffset> clock;

    public StaticTokenProvider(string accessToken, Func<DateTimeOffset>? clock = null)
    {
        if (string.IsNullOrWhiteSpace(accessToken))
        {
            throw new ArgumentException("An access token is required.", nameof(accessToken));
        }

        var claims = JwtClaims.TryRead(accessToken);
        token = new AccessTokenInfo(accessToken, claims?.ExpiresOn, claims?.User);
        TenantId = claims?.TenantId;
        ClientId = claims?.ClientId;
        Audience = claims?.Audience;
        this.clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public DateTimeOffset? ExpiresOn => token.ExpiresOn;

    public string? Account => token.Account;

    public string? TenantId { get; }

    public string? ClientId { get; }

    /// <summary>The token's <c>aud</c> claim: the one API it can be used for; null when the token is not a readable JWT.</summary>
    public string? Audience { get; }

    public Task<AccessTokenInfo> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (token.ExpiresOn is { } expires && expires <= clock())
        {
            throw AuthErrors.TokenExpired(expires);
        }

        if (forceRefresh)
        {
            // The API refused the one token there is: nothing to renew it with.
            throw AuthErrors.Failed(
                "PartnerReferrals.Auth.Unauthorized",
                ErrorKind.AuthenticationError,
                "Partner Center did not accept the access token given to Connect-PartnerReferrals, and an access token cannot be renewed.",
                "Run Connect-PartnerReferrals with a new -AccessToken, or sign in with -RefreshToken, -UseDeviceCode or interactively so tokens renew by themselves.");
        }

        return Task.FromResult(token);
    }
}
