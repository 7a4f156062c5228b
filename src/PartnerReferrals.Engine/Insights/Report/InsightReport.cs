using System;
using System.Collections.Generic;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>Everything the HTML report shows, computed by the same accumulators as Measure-PartnerReferral.</summary>
public sealed class InsightReport
{
    public string Query { get; set; } = string.Empty;

    public DateTime GeneratedUtc { get; set; }

    /// <summary>The whole input, ungrouped: the funnel, the rates and the response times.</summary>
    public ReferralMeasure Overall { get; set; } = new();

    /// <summary>
    /// Grouped by status: each referral once, by its final status (the status field), so the counts add up to
    /// <see cref="ReferralMeasure.Created"/> of <see cref="Overall"/> and equal Get-PartnerReferralSummary -GroupBy status.
    /// The stage counts of <see cref="Overall"/> count stages reached instead (an archived win has reached Won).
    /// </summary>
    public IReadOnlyList<ReferralMeasure> FinalStatus { get; set; } = Array.Empty<ReferralMeasure>();

    /// <summary>Grouped by createdMonth,status: one per month and final status present.</summary>
    public IReadOnlyList<ReferralMeasure> MonthlyByStatus { get; set; } = Array.Empty<ReferralMeasure>();

    /// <summary>Grouped by customerMarket, largest first, at most <see cref="ReportCollector.TopCount"/>.</summary>
    public IReadOnlyList<ReferralMeasure> TopMarkets { get; set; } = Array.Empty<ReferralMeasure>();

    /// <summary>Grouped by customerOrgSize, largest first, at most <see cref="ReportCollector.TopCount"/>.</summary>
    public IReadOnlyList<ReferralMeasure> TopOrgSizes { get; set; } = Array.Empty<ReferralMeasure>();

    public IReadOnlyList<HistogramBin> AcknowledgeHistogram { get; set; } = Array.Empty<HistogramBin>();

    public IReadOnlyList<HistogramBin> AcceptHistogram { get; set; } = Array.Empty<HistogramBin>();

    public IReadOnlyList<HistogramBin> CloseHistogram { get; set; } = Array.Empty<HistogramBin>();
}
