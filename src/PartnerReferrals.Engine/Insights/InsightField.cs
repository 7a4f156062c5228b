namespace PartnerReferrals.Engine.Insights;

/// <summary>What Measure-PartnerReferral can group by: a term field, the final status, or a created-date bucket.</summary>
public enum InsightField
{
    CustomerMarket,
    PartnerMarket,
    CustomerOrgSize,
    Status,
    CreatedDay,
    CreatedWeek,
    CreatedMonth,
}
