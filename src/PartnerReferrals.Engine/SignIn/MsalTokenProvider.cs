using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Tokens from MSAL's cache for the signed-in account. MSAL renews silently (with the refresh token) when a
/// token is near expiry, so a long pull never meets an expired token; a 401 forces a renewal. Calls are
/// serialised so parallel page requests trigger one renewal, not four.
/// </summary>
internal sealed class MsalTokenProvider : IAccessTokenProvider, IDisposable
{
    private readonly IClientApplicationBase app;
    private readonly IAccount account;
    private readonly IReadOnlyList<string> scopes;
    private readonly Action? afterAcquire;
    private readonly SemaphoreSlim gate = new(1, 1);

    private readonly bool fromRefreshToken;

    public MsalTokenProvider(IClientApplicationBase app, IAccount account, IReadOnlyList<string> scopes, Action? afterAcquire, bool fromRefreshToken = false)
    {
        this.fromRefreshToken = fromRefreshToken;
        this.app = app;
        this.account = account;
        this.scopes = scopes;
        this.afterAcquire = afterAcquire;
    }

    public async Task<AccessTokenInfo> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await app.AcquireTokenSilent(scopes, account)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            afterAcquire?.Invoke();
            return new AccessTokenInfo(result.AccessToken, result.ExpiresOn, result.Account?.Username);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw MsalErrors.Map(ex, refreshTokenSignIn: fromRefreshToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Tokens for another API from the same signed-in account: MSAL gets them silently with the refresh token it
    /// already holds (a multi-resource refresh token), so a second API needs no second prompt.
    /// </summary>
    public MsalTokenProvider ForScopes(IReadOnlyList<string> otherScopes) => new(app, account, otherScopes, afterAcquire, fromRefreshToken);

    public void Dispose() => gate.Dispose();
}
