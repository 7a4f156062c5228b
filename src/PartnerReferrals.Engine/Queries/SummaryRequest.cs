using System.Collections.Generic;

namespace PartnerReferrals.Engine.Queries;

/// <summary>What Get-PartnerReferralSummary asks for: grouped counts.</summary>
public sealed class SummaryRequest
{
    public ReferralFilter Filter { get; set; } = new();

    /// <summary>Term and date fields to group by, e.g. <c>status</c>, <c>createdDate</c>.</summary>
    public IList<string> GroupBy { get; } = new List<string>();

    /// <summary>Day, Week or Month; needs a date field in <see cref="GroupBy"/>.</summary>
    public string? AggregationLevel { get; set; }

    public int? PageSize { get; set; }

    /// <summary>Pages in flight at most (PowerShell's -ThrottleLimit), 1..16; null for the default of 4. Halved after each 429.</summary>
    public int? ThrottleLimit { get; set; }
}
