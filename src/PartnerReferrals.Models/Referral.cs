using System;

namespace PartnerReferrals.Models;

/// <summary>
/// One referral as the API returns it. Flat on purpose: every property is a string or a UTC
/// <see cref="DateTime"/>, so <c>Export-Csv</c> writes values, never type names. Status stays a string so a
/// value this module does not know never breaks a pull.
/// </summary>
public sealed class Referral
{
    // Dates are kept in 8 bytes each rather than a 16-byte DateTime?: a pull holds pages of these in memory.
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

    public string? Id { get; set; }

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

    /// <summary>The id, so <c>"$referral"</c> and <c>Write-Host $referral</c> say which referral it is.</summary>
    public override string ToString() => Id ?? string.Empty;
}
