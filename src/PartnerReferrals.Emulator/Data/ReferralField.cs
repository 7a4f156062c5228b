namespace PartnerReferrals.Emulator;

/// <summary>The documented fields of a referral, in the order the API's example row writes them.</summary>
internal enum ReferralField
{
    Id,
    Status,
    CustomerMarket,
    CustomerName,
    CustomerOrgSize,
    AcceptedDate,
    AcknowledgedDate,
    ArchivedDate,
    DeclinedDate,
    ExpiredDate,
    LostDate,
    MissedDate,
    CreatedDate,
    SkippedDate,
    WonDate,
    PartnerMarket,
}
