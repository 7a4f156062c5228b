namespace PartnerReferrals.Models;

/// <summary>The customer of a co-sell referral (<c>customerProfile</c>).</summary>
public sealed class CoSellCustomer
{
    public string? Name { get; set; }

    public string? Size { get; set; }

    public CoSellAddress? Address { get; set; }

    public CoSellList<CoSellMember> Contacts { get; set; } = CoSellList<CoSellMember>.Empty;

    /// <summary>External ids such as "Duns:123456789".</summary>
    public CoSellList<string> Ids { get; set; } = CoSellList<string>.Empty;

    public override string ToString() => Name ?? string.Empty;
}
