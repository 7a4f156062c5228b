namespace PartnerReferrals.Models;

/// <summary>The consent flags of a referral (<c>consent</c>).</summary>
public sealed class CoSellConsent
{
    public bool? ShareInfoWithOthers { get; set; }

    public bool? Contact { get; set; }

    /// <summary>False makes a private deal.</summary>
    public bool? ShareWithMicrosoftSellers { get; set; }

    public override string ToString() => "ShareWithMicrosoftSellers=" + ShareWithMicrosoftSellers + "; Contact=" + Contact + "; ShareInfoWithOthers=" + ShareInfoWithOthers;
}
