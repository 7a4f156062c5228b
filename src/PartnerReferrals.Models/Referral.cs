using System;

namespace PartnerReferrals.Models;

/// <summary>
/// One referral as the API returns it. Flat on purpose: every property is a string or a UTC
/// <see cref="DateTime"/>, so <c>Export-Csv</c> writes values, never type names. Status stays a string so a
/// value this module does not know never breaks a pull.
/// </summary>
public sealed class Referral
{
    public string? Id { get; set; }

    public string? Status { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerMarket { get; set; }

    public string? PartnerMarket { get; set; }

    public string? CustomerOrgSize { get; set; }

    public DateTime? CreatedDate { get; set; }

    public DateTime? AcknowledgedDate { get; set; }

    public DateTime? AcceptedDate { get; set; }

    public DateTime? DeclinedDate { get; set; }

    public DateTime? ExpiredDate { get; set; }

    public DateTime? MissedDate { get; set; }

    public DateTime? SkippedDate { get; set; }

    public DateTime? WonDate { get; set; }

    public DateTime? LostDate { get; set; }

    public DateTime? ArchivedDate { get; set; }

    /// <summary>The id, so <c>"$referral"</c> and <c>Write-Host $referral</c> say which referral it is.</summary>
    public override string ToString() => Id ?? string.Empty;
}
