namespace PartnerReferrals.Models;

/// <summary>Who invited the partner and why (<c>inviteContext</c>).</summary>
public sealed class CoSellInviteContext
{
    public string? InvitedByOrganizationId { get; set; }

    public string? InvitedByOrganizationName { get; set; }

    public string? AssistanceRequestCode { get; set; }

    public string? Notes { get; set; }

    public override string ToString() => InvitedByOrganizationName ?? InvitedByOrganizationId ?? string.Empty;
}
