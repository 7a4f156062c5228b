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
