using System;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// A session's way to the Referrals API: its collection URL and the tokens for its audience, or the reason the
/// session cannot reach it (cloud without the API, an -AccessToken for the other audience), said at once.
/// </summary>
public sealed class CoSellAccess
{
    private readonly PartnerReferralsException? refusal;

    private CoSellAccess(Uri? referralsUrl, IAccessTokenProvider? tokens, PartnerReferralsException? refusal)
    {
        ReferralsUrl = referralsUrl;
        Tokens = tokens;
        this.refusal = refusal;
    }

    public Uri? ReferralsUrl { get; }

    public IAccessTokenProvider? Tokens { get; }

    public static CoSellAccess Available(Uri referralsUrl, IAccessTokenProvider tokens) =>
        new(referralsUrl ?? throw new ArgumentNullException(nameof(referralsUrl)), tokens ?? throw new ArgumentNullException(nameof(tokens)), null);

    public static CoSellAccess Refused(PartnerReferralsException reason) => new(null, null, reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>Throws the reason the session cannot reach the Referrals API, if there is one.</summary>
    public void Demand()
    {
        if (refusal is not null)
        {
            throw refusal;
        }
    }
}
