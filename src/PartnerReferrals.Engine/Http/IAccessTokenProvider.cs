using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Where the authentication handler gets a bearer token for each request: MSAL (renewing silently before
/// expiry) or a fixed access token. Implementations throw <see cref="PartnerReferralsException"/> with an
/// Auth error id when no token can be had.
/// </summary>
public interface IAccessTokenProvider
{
    /// <param name="forceRefresh">True after the API answered 401 to the cached token: get a new one, not the cached one.</param>
    /// <param name="cancellationToken">Stops an interactive or network sign-in step.</param>
    Task<AccessTokenInfo> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
