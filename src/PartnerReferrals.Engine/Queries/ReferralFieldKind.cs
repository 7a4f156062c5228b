namespace PartnerReferrals.Engine.Queries;

/// <summary>Term fields compare as text; date fields also order (gt/ge/lt/le) and bucket by aggregation level.</summary>
public enum ReferralFieldKind
{
    Term,
    Date,
}
