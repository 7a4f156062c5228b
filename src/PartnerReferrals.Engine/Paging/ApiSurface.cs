namespace PartnerReferrals.Engine.Paging;

/// <summary>Which API answered: the errors name its roles and parameters.</summary>
internal enum ApiSurface
{
    /// <summary>The referrals analytics API (<c>api.partnercenter.microsoft.com</c>).</summary>
    Analytics,

    /// <summary>The co-sell Referrals API (<c>api.partner.microsoft.com/v1.0/engagements/referrals</c>).</summary>
    CoSell,
}
