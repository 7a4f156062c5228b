using System;

namespace PartnerReferrals.Models;

/// <summary>
/// One aggregate row of a grouped query: the grouped fields (the others stay null) and the count.
/// Flat and CSV-safe like <see cref="Referral"/>.
/// </summary>
public sealed class ReferralGroup
{
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

    /// <summary>Day, Week or Month when date fields were grouped; null otherwise.</summary>
    public string? AggregationLevel { get; set; }

    /// <summary>The fields this row is grouped by, comma-separated as sent (e.g. <c>status,createdDate</c>).</summary>
    public string? GroupBy { get; set; }

    public long ReferralCount { get; set; }
}
