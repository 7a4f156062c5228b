using System;

namespace PartnerReferrals.Models;

/// <summary>
/// One co-sell referral of the Referrals API (<c>/v1.0/engagements/referrals</c>). The everyday fields are flat
/// (strings, numbers, UTC dates), so <c>Export-Csv</c> writes readable cells; the nested data (customer address
/// and contacts, requirements, targets, invite context) stays reachable as objects whose text is readable too.
/// </summary>
public sealed class CoSellReferral
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    public string? Substatus { get; set; }

    public string? StatusReason { get; set; }

    public string? Direction { get; set; }

    public string? Type { get; set; }

    public string? Qualification { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerCountry { get; set; }

    public string? CustomerSize { get; set; }

    public decimal? DealValue { get; set; }

    public string? Currency { get; set; }

    /// <summary>The date the customer wants to close by (<c>details.closingDateTime</c>).</summary>
    public DateTime? CloseDate { get; set; }

    public string? SalesStage { get; set; }

    public DateTime? CreatedDateTime { get; set; }

    public DateTime? UpdatedDateTime { get; set; }

    public DateTime? AcceptedDateTime { get; set; }

    public DateTime? ExpirationDateTime { get; set; }

    public DateTime? ClosedDateTime { get; set; }

    /// <summary>The partner team's e-mail addresses, separated by "; ".</summary>
    public string? Team { get; set; }

    public string? EngagementId { get; set; }

    public string? OrganizationName { get; set; }

    public string? ExternalReferenceId { get; set; }

    public string? Notes { get; set; }

    /// <summary>The concurrency token, quotes included, as the API sends it; Update-PartnerCoSellReferral sends it as If-Match.</summary>
    public string? ETag { get; set; }

    public CoSellCustomer? Customer { get; set; }

    public CoSellList<CoSellMember> TeamMembers { get; set; } = CoSellList<CoSellMember>.Empty;

    public CoSellRequirements? Requirements { get; set; }

    public CoSellList<CoSellTarget> Targets { get; set; } = CoSellList<CoSellTarget>.Empty;

    public CoSellInviteContext? InviteContext { get; set; }

    public CoSellConsent? Consent { get; set; }

    /// <summary>The id, so <c>"$referral"</c> says which referral it is.</summary>
    public override string ToString() => Id ?? string.Empty;
}
