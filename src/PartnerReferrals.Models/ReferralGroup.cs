using System;

namespace PartnerReferrals.Models;

/// <summary>
/// One aggregate row of a grouped query: the grouped fields (the others stay null) and the count.
/// Flat and CSV-safe like <see cref="Referral"/>.
/// </summary>
public sealed class ReferralGroup
{
    // 8 bytes a date instead of a 16-byte DateTime?, as in Referral.
    private long createdDate = CompactDate.None;
    private long acknowledgedDate = CompactDate.None;
    private long acceptedDate = CompactDate.None;
    private long declinedDate = CompactDate.None;
    private long expiredDate = CompactDate.None;
    private long missedDate = CompactDate.None;
    private long skippedDate = CompactDate.None;
    private long wonDate = CompactDate.None;
    private long lostDate = CompactDate.None;
    private long archivedDate = CompactDate.None;

    public string? Status { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerMarket { get; set; }

    public string? PartnerMarket { get; set; }

    public string? CustomerOrgSize { get; set; }

    public DateTime? CreatedDate { get => CompactDate.Read(createdDate); set => createdDate = CompactDate.Write(value); }

    public DateTime? AcknowledgedDate { get => CompactDate.Read(acknowledgedDate); set => acknowledgedDate = CompactDate.Write(value); }

    public DateTime? AcceptedDate { get => CompactDate.Read(acceptedDate); set => acceptedDate = CompactDate.Write(value); }

    public DateTime? DeclinedDate { get => CompactDate.Read(declinedDate); set => declinedDate = CompactDate.Write(value); }

    public DateTime? ExpiredDate { get => CompactDate.Read(expiredDate); set => expiredDate = CompactDate.Write(value); }

    public DateTime? MissedDate { get => CompactDate.Read(missedDate); set => missedDate = CompactDate.Write(value); }

    public DateTime? SkippedDate { get => CompactDate.Read(skippedDate); set => skippedDate = CompactDate.Write(value); }

    public DateTime? WonDate { get => CompactDate.Read(wonDate); set => wonDate = CompactDate.Write(value); }

    public DateTime? LostDate { get => CompactDate.Read(lostDate); set => lostDate = CompactDate.Write(value); }

    public DateTime? ArchivedDate { get => CompactDate.Read(archivedDate); set => archivedDate = CompactDate.Write(value); }

    /// <summary>Day, Week or Month when date fields were grouped; null otherwise.</summary>
    public string? AggregationLevel { get; set; }

    /// <summary>The fields this row is grouped by, comma-separated as sent (e.g. <c>status,createdDate</c>).</summary>
    public string? GroupBy { get; set; }

    public long ReferralCount { get; set; }
}
