using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>
/// The report as one self-contained HTML page: inline CSS and inline SVG drawn here, no script at all, and a
/// Content-Security-Policy that forbids every fetch, so the file opens offline and can never call out. Every
/// figure carries its exact value in data- attributes (data-figure names the <see cref="ReferralMeasure"/>
/// property) so a test can compare the page with the computation.
/// </summary>
public static class ReportHtml
{
    /// <summary>No script, no connection, no frame, no form; styles and data: images only, all from the file itself.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    public static string Render(InsightReport report)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var o = report.Overall;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">")
            .Append("<title>Partner referrals report</title><style>").Append(ReportStyle.Css).Append("</style></head><body>");

        Header(sb, report);
        sb.Append("<section class=\"tiles\">");
        Tile(sb, "Referrals", "Created", Svg.Count(o.Created), Svg.Raw(o.Created));
        // Rates of stages reached, labelled so: an archived win has reached Won but its status is Archived.
        Tile(sb, "Reached Acknowledged, of all", "AcknowledgeRate", Svg.Percent(o.AcknowledgeRate), Svg.Raw(o.AcknowledgeRate));
        Tile(sb, "Reached Accepted, of acknowledged", "AcceptRate", Svg.Percent(o.AcceptRate), Svg.Raw(o.AcceptRate));
        Tile(sb, "Reached Won, of accepted", "WinRateOfAccepted", Svg.Percent(o.WinRateOfAccepted), Svg.Raw(o.WinRateOfAccepted));
        Tile(sb, "Reached Won, of all", "WinRate", Svg.Percent(o.WinRate), Svg.Raw(o.WinRate));
        Tile(sb, "Reached Expired or Missed, of all", "ExpiredOrMissedRate", Svg.Percent(o.ExpiredOrMissedRate), Svg.Raw(o.ExpiredOrMissedRate));
        sb.Append("</section>");

        sb.Append("<section class=\"card wide\"><h2>Referrals created per month, by final status</h2>");
        MonthlyChart.Write(sb, report.MonthlyByStatus);
        sb.Append("</section>");

        sb.Append("<div class=\"row\"><section class=\"card\"><h2>Funnel: stages reached</h2>");
        BarList.Write(sb, "funnel", "Referrals that reached each stage, whatever their status now", Funnel(o), o.Created);
        sb.Append("</section><section class=\"card\"><h2>Final status</h2>");
        BarList.Write(sb, "final-status", "Referrals by final status: each referral once, by its status", FinalStatus(report.FinalStatus, o.Created), o.Created);
        sb.Append("</section></div>");

        sb.Append("<section class=\"card wide\"><h2>Response times</h2>");
        sb.Append("<div class=\"row\">");
        ResponseTime(sb, "hist-acknowledge", "Created → acknowledged", report.AcknowledgeHistogram, StatusColors.Of("Acknowledged"),
            new(o.AcknowledgeMeasured, o.AcknowledgeMedianHours, o.AcknowledgeP90Hours, o.AcknowledgeMeanHours, o.AcknowledgeMissingDates, o.AcknowledgeOutOfOrder), "Acknowledge");
        ResponseTime(sb, "hist-accept", "Created → accepted", report.AcceptHistogram, StatusColors.Of("Accepted"),
            new(o.AcceptMeasured, o.AcceptMedianHours, o.AcceptP90Hours, o.AcceptMeanHours, o.AcceptMissingDates, o.AcceptOutOfOrder), "Accept");
        ResponseTime(sb, "hist-close", "Accepted → won or lost", report.CloseHistogram, StatusColors.Of("Won"),
            new(o.CloseMeasured, o.CloseMedianHours, o.CloseP90Hours, o.CloseMeanHours, o.CloseMissingDates, o.CloseOutOfOrder), "Close");
        sb.Append("</div></section>");

        sb.Append("<div class=\"row\"><section class=\"card\"><h2>Top customer markets</h2>");
        TopChart.Write(sb, "top-markets", "Largest customer markets: referrals, and the share that reached Won", report.TopMarkets, m => m.CustomerMarket);
        sb.Append("</section><section class=\"card\"><h2>Top customer org sizes</h2>");
        TopChart.Write(sb, "top-orgsizes", "Largest customer org sizes: referrals, and the share that reached Won", report.TopOrgSizes, m => m.CustomerOrgSize);
        sb.Append("</section></div>");

        sb.Append("<footer>Stages reached (the funnel, the rates above, win rates): a stage counts when its date is set or the status names it, ")
            .Append("so an archived win has reached Won. Final status counts each referral once, by its status, as Get-PartnerReferralSummary -GroupBy status does. ")
            .Append("Times: median and 90th percentile interpolate between ranks; rows with a missing or out-of-order date are counted above, never averaged. ")
            .Append("Made by Export-PartnerReferralReport.</footer>");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, InsightReport report)
    {
        var o = report.Overall;
        sb.Append("<header><h1>Partner referrals report</h1><dl>")
            .Append("<dt>Query</dt><dd data-figure=\"Query\">").Append(Svg.E(report.Query.Length == 0 ? QueryDescription.AllReferrals : report.Query)).Append("</dd>")
            .Append("<dt>Created</dt><dd><span data-figure=\"FirstCreated\" data-value=\"").Append(Date(o.FirstCreated)).Append("\">")
            .Append(o.FirstCreated is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "n/a").Append("</span> to <span data-figure=\"LastCreated\" data-value=\"")
            .Append(Date(o.LastCreated)).Append("\">").Append(o.LastCreated is { } l ? l.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "n/a").Append("</span></dd>")
            .Append("<dt>Made</dt><dd><time data-figure=\"Generated\" datetime=\"").Append(Date(report.GeneratedUtc)).Append("\">")
            .Append(report.GeneratedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</time></dd></dl></header>");
    }

    private static string Date(DateTime? date) => date?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Tile(StringBuilder sb, string label, string property, string text, string raw) =>
        sb.Append("<div class=\"tile\"><div class=\"label\">").Append(Svg.E(label)).Append("</div><div class=\"big\" data-figure=\"")
            .Append(property).Append("\" data-value=\"").Append(raw).Append("\">").Append(Svg.E(text)).Append("</div></div>");

    private static List<BarList.Bar> Funnel(ReferralMeasure o) =>
    [
        Stage("Created", o.Created, null, null),
        Stage("Acknowledged", o.Acknowledged, o.AcknowledgeRate, "created"),
        Stage("Accepted", o.Accepted, o.AcceptRate, "acknowledged"),
        Stage("Won", o.Won, o.WinRateOfAccepted, "accepted"),
    ];

    private static BarList.Bar Stage(string stage, long count, double? rate, string? of)
    {
        var label = of is null ? stage : "Reached " + stage;
        var text = of is null ? Svg.Count(count) : Svg.Count(count) + " (" + Svg.Percent(rate) + ")";
        var tooltip = of is null ? label + ": " + text : label + ": " + Svg.Count(count) + " (" + Svg.Percent(rate) + " of " + of + ")";
        return new BarList.Bar(label, count, StatusColors.Of(stage), text, tooltip);
    }

    /// <summary>One bar per status present, in lifecycle order; the shares add up to the whole.</summary>
    private static List<BarList.Bar> FinalStatus(IReadOnlyList<ReferralMeasure> byStatus, long total)
    {
        var rows = new List<BarList.Bar>();
        var names = byStatus.ToDictionary(m => m.Status ?? MonthlyChart.NoStatus, StringComparer.OrdinalIgnoreCase);
        foreach (var name in StatusColors.Order(names.Keys))
        {
            var count = names[name].Created;
            var share = Svg.Percent(GroupAccumulator.Rate(count, total));
            rows.Add(new BarList.Bar(name, count, StatusColors.Of(name), Svg.Count(count) + " (" + share + ")", name + ": " + Svg.Count(count) + " (" + share + " of " + Svg.Count(total) + ")"));
        }

        return rows;
    }

    private static void Cell(StringBuilder sb, string property, string text, string raw) =>
        sb.Append("<td data-figure=\"").Append(property).Append("\" data-value=\"").Append(raw).Append("\">").Append(Svg.E(text)).Append("</td>");

    /// <summary>
    /// One response time: its figures over its distribution. Each stage has its own two-column table, so the three
    /// sit side by side on a wide page and one under the other on a phone (one table of seven columns did not fit).
    /// The cells' data-figure names are the ReferralMeasure properties (prefix + MedianHours...).
    /// </summary>
    private static void ResponseTime(StringBuilder sb, string chart, string title, IReadOnlyList<HistogramBin> bins, string color, Times t, string prefix)
    {
        sb.Append("<figure class=\"hist\"><figcaption>").Append(Svg.E(title)).Append("</figcaption><table class=\"times\"><tbody>");
        TimeRow(sb, "Median", prefix + "MedianHours", Svg.Duration(t.Median), Svg.Raw(t.Median));
        TimeRow(sb, "90th percentile", prefix + "P90Hours", Svg.Duration(t.P90), Svg.Raw(t.P90));
        TimeRow(sb, "Mean", prefix + "MeanHours", Svg.Duration(t.Mean), Svg.Raw(t.Mean));
        TimeRow(sb, "Measured", prefix + "Measured", Svg.Count(t.Measured), Svg.Raw(t.Measured));
        TimeRow(sb, "Missing dates", prefix + "MissingDates", Svg.Count(t.Missing), Svg.Raw(t.Missing));
        TimeRow(sb, "Out of order", prefix + "OutOfOrder", Svg.Count(t.OutOfOrder), Svg.Raw(t.OutOfOrder));
        sb.Append("</tbody></table>");
        HistogramChart.Write(sb, chart, title + ": referrals by response time", bins, color);
        sb.Append("</figure>");
    }

    private static void TimeRow(StringBuilder sb, string label, string property, string text, string raw)
    {
        sb.Append("<tr><th scope=\"row\">").Append(Svg.E(label)).Append("</th>");
        Cell(sb, property, text, raw);
        sb.Append("</tr>");
    }

    private readonly record struct Times(long Measured, double? Median, double? P90, double? Mean, long Missing, long OutOfOrder);
}
