using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>Get-PartnerReferralsRefreshToken: the newest refresh token the session holds, with what a runbook needs to know about it.</summary>
internal static class RefreshTokenHandout
{
    public static async Task<PartnerReferralsRefreshToken> NewestAsync(PartnerReferralsSession session, CancellationToken cancellationToken)
    {
        var context = session.Context;
        if (!session.CanRenewToken || session.RefreshTokens is not { } capture)
        {
            throw AuthErrors.NoRefreshToken(context.SignInMethod);
        }

        if (capture.Newest is null)
        {
            // A silent sign-in from a persisted cache made no request, so no token was seen yet: a renewal makes MSAL
            // redeem the refresh token it holds, and the answer carries the next one.
            await session.Tokens.GetTokenAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
        }

        var newest = capture.Newest ?? throw AuthErrors.NoRefreshToken(context.SignInMethod);
        return new PartnerReferralsRefreshToken
        {
            RefreshToken = SecureText.Conceal(newest.Token),
            IssuedOn = newest.IssuedOn.ToUniversalTime(),
            ExpiresOn = newest.IssuedOn.ToUniversalTime() + PartnerReferralsRefreshToken.MaximumLifetime,
            Account = context.Account,
            TenantId = context.TenantId,
            ClientId = context.ClientId,
            Environment = context.Environment,
        };
    }
}
