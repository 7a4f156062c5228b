using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>Stands for the tokens of an API the session cannot get tokens for: every request fails, before it is sent, with the reason.</summary>
internal sealed class RefusedTokenProvider : IAccessTokenProvider
{
    private readonly PartnerReferralsException reason;

    public RefusedTokenProvider(PartnerReferralsException reason) => this.reason = reason;

    public Task<AccessTokenInfo> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => throw reason;
}
