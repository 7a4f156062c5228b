using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>
/// Export-PartnerReferralReport's computation: five <see cref="InsightAccumulator"/>s fed in one pass (only the
/// ungrouped one keeps durations), so its figures are Measure-PartnerReferral's by construction.
/// </summary>
public sealed class ReportCollector
{
    public const int TopCount = 10;

    private readonly InsightAccumulator overall = new(InsightGrouping.None);
    private readonly InsightAccumulator statuses = new(InsightGrouping.Parse(["status"]), trackTimes: false);
    private readonly InsightAccumulator monthly = new(InsightGrouping.Parse(["createdMonth", "status"]), trackTimes: false);
    private readonly InsightAccumulator markets = new(InsightGrouping.Parse(["customerMarket"]), trackTimes: false);
    private readonly InsightAccumulator orgSizes = new(InsightGrouping.Parse(["customerOrgSize"]), trackTimes: false);

    public long Rows => overall.Rows;

    public void Add(Referral referral)
    {
        overall.Add(referral);
        statuses.Add(referral);
        monthly.Add(referral);
        markets.Add(referral);
        orgSizes.Add(referral);
    }

    public InsightReport Build(string query, DateTime generatedUtc)
    {
        var figures = overall.Single;
        return new InsightReport
        {
            Query = query ?? string.Empty,
            GeneratedUtc = generatedUtc,
            Overall = overall.Results()[0],
            FinalStatus = statuses.Results(),
            MonthlyByStatus = monthly.Results(),
            TopMarkets = Top(markets),
            TopOrgSizes = Top(orgSizes),
            AcknowledgeHistogram = Histogram(figures?.Acknowledge),
            AcceptHistogram = Histogram(figures?.Accept),
            CloseHistogram = Histogram(figures?.Close),
        };
    }

    /// <summary>Writes the report as one UTF-8 HTML file (replacing any file there).</summary>
    public InsightReport WriteHtml(string path, string query, DateTime generatedUtc)
    {
        var report = Build(query, generatedUtc);
        File.WriteAllText(path, ReportHtml.Render(report), new UTF8Encoding(false));
        return report;
    }

    private static IReadOnlyList<ReferralMeasure> Top(InsightAccumulator accumulator) =>
        accumulator.Results()
            .OrderByDescending(m => m.Created)
            .ThenBy(m => m.CustomerMarket ?? m.CustomerOrgSize ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .Take(TopCount)
            .ToList();

    private static IReadOnlyList<HistogramBin> Histogram(TimedStage? stage) =>
        stage is null ? HistogramBin.Empty() : HistogramBin.FromSorted(stage.Sample.Sorted());
}
