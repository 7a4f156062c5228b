using System.Collections.Generic;

namespace PartnerReferrals.Engine.Queries;

/// <summary>What Get-PartnerReferralSummary asks for: the shared query, grouped.</summary>
public sealed class SummaryRequest
{
    /// <summary>The filters, page size and pages in flight every query command shares; -Skip and -First do not apply to groups.</summary>
    public ReferralRequest Query { get; set; } = new();

    /// <summary>Term and date fields to group by, e.g. <c>status</c>, <c>createdDate</c>.</summary>
    public IList<string> GroupBy { get; } = new List<string>();

    /// <summary>Day, Week or Month; needs a date field in <see cref="GroupBy"/>.</summary>
    public string? AggregationLevel { get; set; }
}
