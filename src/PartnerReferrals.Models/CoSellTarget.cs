namespace PartnerReferrals.Models;

/// <summary>Who or what a referral is addressed to: a business profile location ("msft" is Microsoft) or a solution.</summary>
public sealed class CoSellTarget
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public override string ToString() => Type + ":" + Id;
}
