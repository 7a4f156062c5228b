using System;

namespace PartnerReferrals.Emulator;

/// <summary>
/// One referral row as the API returns it. Dates are UTC with whole seconds (the API writes no fractions), kept
/// as 32-bit second counts so a million rows stay small in memory.
/// </summary>
public sealed class EmulatorReferral
{
    private uint created, acknowledged, accepted, declined, expired, lost, missed, skipped, won, archived;

    public required string Id { get; init; }

    public string? Status { get; init; }

    public string? CustomerMarket { get; init; }

    public string? CustomerName { get; init; }

    public string? CustomerOrgSize { get; init; }

    public string? PartnerMarket { get; init; }

    public DateTime? CreatedDate { get => RowDate.ToDateTime(created); init => created = RowDate.FromDateTime(value); }

    public DateTime? AcknowledgedDate { get => RowDate.ToDateTime(acknowledged); init => acknowledged = RowDate.FromDateTime(value); }

    public DateTime? AcceptedDate { get => RowDate.ToDateTime(accepted); init => accepted = RowDate.FromDateTime(value); }

    public DateTime? DeclinedDate { get => RowDate.ToDateTime(declined); init => declined = RowDate.FromDateTime(value); }

    public DateTime? ExpiredDate { get => RowDate.ToDateTime(expired); init => expired = RowDate.FromDateTime(value); }

    public DateTime? LostDate { get => RowDate.ToDateTime(lost); init => lost = RowDate.FromDateTime(value); }

    public DateTime? MissedDate { get => RowDate.ToDateTime(missed); init => missed = RowDate.FromDateTime(value); }

    public DateTime? SkippedDate { get => RowDate.ToDateTime(skipped); init => skipped = RowDate.FromDateTime(value); }

    public DateTime? WonDate { get => RowDate.ToDateTime(won); init => won = RowDate.FromDateTime(value); }

    public DateTime? ArchivedDate { get => RowDate.ToDateTime(archived); init => archived = RowDate.FromDateTime(value); }

    /// <summary>The text of a term or name field.</summary>
    internal string? GetText(ReferralField field) => field switch
    {
        ReferralField.Id => Id,
        ReferralField.Status => Status,
        ReferralField.CustomerMarket => CustomerMarket,
        ReferralField.CustomerName => CustomerName,
        ReferralField.CustomerOrgSize => CustomerOrgSize,
        ReferralField.PartnerMarket => PartnerMarket,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field"),
    };

    /// <summary>The stored form of a date field (see <see cref="RowDate"/>): 0 when missing.</summary>
    internal uint GetRawDate(ReferralField field) => field switch
    {
        ReferralField.CreatedDate => created,
        ReferralField.AcknowledgedDate => acknowledged,
        ReferralField.AcceptedDate => accepted,
        ReferralField.DeclinedDate => declined,
        ReferralField.ExpiredDate => expired,
        ReferralField.LostDate => lost,
        ReferralField.MissedDate => missed,
        ReferralField.SkippedDate => skipped,
        ReferralField.WonDate => won,
        ReferralField.ArchivedDate => archived,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a date field"),
    };
}
