using System;
using System.Collections.Generic;
using System.Globalization;
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
        Tile(sb, "Acknowledged", "AcknowledgeRate", Svg.Percent(o.AcknowledgeRate), Svg.Raw(o.AcknowledgeRate));
        Tile(sb, "Accepted of acknowledged", "AcceptRate", Svg.Percent(o.AcceptRate), Svg.Raw(o.AcceptRate));
        Tile(sb, "Won of accepted", "WinRateOfAccepted", Svg.Percent(o.WinRateOfAccepted), Svg.Raw(o.WinRateOfAccepted));
        Tile(sb, "Won of all", "WinRate", Svg.Percent(o.WinRate), Svg.Raw(o.WinRate));
        Tile(sb, "Lost to expiry or miss", "ExpiredOrMissedRate", Svg.Percent(o.ExpiredOrMissedRate), Svg.Raw(o.ExpiredOrMissedRate));
        sb.Append("</section>");

        sb.Append("<section class=\"card wide\"><h2>Referrals created per month, by final status</h2>");
        MonthlyChart.Write(sb, report.MonthlyByStatus);
        sb.Append("</section>");

        sb.Append("<div class=\"row\"><section class=\"card\"><h2>Funnel</h2>");
        BarList.Write(sb, "funnel", "Referrals reaching each stage", Funnel(o), o.Created);
        sb.Append("</section><section class=\"card\"><h2>Where referrals ended</h2>");
        BarList.Write(sb, "endings", "Referrals by ending stage", Endings(o), o.Created);
        sb.Append("</section></div>");

        sb.Append("<section class=\"card wide\"><h2>Response times</h2>");
        Times(sb, o);
        sb.Append("<div class=\"row\">");
        Histogram(sb, "hist-acknowledge", "Created to acknowledged", report.AcknowledgeHistogram, StatusColors.Of("Acknowledged"));
        Histogram(sb, "hist-accept", "Created to accepted", report.AcceptHistogram, StatusColors.Of("Accepted"));
        Histogram(sb, "hist-close", "Accepted to won or lost", report.CloseHistogram, StatusColors.Of("Won"));
        sb.Append("</div></section>");

        sb.Append("<div class=\"row\"><section class=\"card\"><h2>Top customer markets</h2>");
        TopChart.Write(sb, "top-markets", "Largest customer markets: referrals and win rate", report.TopMarkets, m => m.CustomerMarket);
        sb.Append("</section><section class=\"card\"><h2>Top customer org sizes</h2>");
        TopChart.Write(sb, "top-orgsizes", "Largest customer org sizes: referrals and win rate", report.TopOrgSizes, m => m.CustomerOrgSize);
        sb.Append("</section></div>");

        sb.Append("<footer>Rates: acknowledged of created, accepted of acknowledged, won of accepted, won of created, expired or missed of created. ")
            .Append("A stage counts when its date is set or the status names it. Times: median and 90th percentile interpolate between ranks; ")
            .Append("rows with a missing or out-of-order date are counted above, never averaged. Made by Export-PartnerReferralReport.</footer>");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, InsightReport report)
    {
        var o = report.Overall;
        sb.Append("<header><h1>Partner referrals report</h1><dl>")
            .Append("<dt>Query</dt><dd><code data-figure=\"Query\">").Append(Svg.E(report.Query.Length == 0 ? "(all referrals)" : report.Query)).Append("</code></dd>")
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

    private static List<(string, long, string, string)> Funnel(ReferralMeasure o) =>
    [
        ("Created", o.Created, StatusColors.Of("Created"), Svg.Count(o.Created)),
        ("Acknowledged", o.Acknowledged, StatusColors.Of("Acknowledged"), Svg.Count(o.Acknowledged) + " (" + Svg.Percent(o.AcknowledgeRate) + ")"),
        ("Accepted", o.Accepted, StatusColors.Of("Accepted"), Svg.Count(o.Accepted) + " (" + Svg.Percent(o.AcceptRate) + ")"),
        ("Won", o.Won, StatusColors.Of("Won"), Svg.Count(o.Won) + " (" + Svg.Percent(o.WinRateOfAccepted) + ")"),
    ];

    private static List<(string, long, string, string)> Endings(ReferralMeasure o)
    {
        var rows = new List<(string, long, string, string)>();
        foreach (var (name, count) in new[] { ("Declined", o.Declined), ("Expired", o.Expired), ("Missed", o.Missed), ("Skipped", o.Skipped), ("Lost", o.Lost), ("Archived", o.Archived) })
        {
            rows.Add((name, count, StatusColors.Of(name), Svg.Count(count) + " (" + Svg.Percent(GroupAccumulator.Rate(count, o.Created)) + ")"));
        }

        return rows;
    }

    private static void Times(StringBuilder sb, ReferralMeasure o)
    {
        sb.Append("<table class=\"times\"><thead><tr><th>From → to</th><th>Measured</th><th>Median</th><th>90th percentile</th><th>Mean</th>")
            .Append("<th>Missing dates</th><th>Out of order</th></tr></thead><tbody>");
        TimeRow(sb, "Created → acknowledged", "Acknowledge", o.AcknowledgeMeasured, o.AcknowledgeMedianHours, o.AcknowledgeP90Hours, o.AcknowledgeMeanHours, o.AcknowledgeMissingDates, o.AcknowledgeOutOfOrder);
        TimeRow(sb, "Created → accepted", "Accept", o.AcceptMeasured, o.AcceptMedianHours, o.AcceptP90Hours, o.AcceptMeanHours, o.AcceptMissingDates, o.AcceptOutOfOrder);
        TimeRow(sb, "Accepted → won or lost", "Close", o.CloseMeasured, o.CloseMedianHours, o.CloseP90Hours, o.CloseMeanHours, o.CloseMissingDates, o.CloseOutOfOrder);
        sb.Append("</tbody></table>");
    }

    private static void TimeRow(StringBuilder sb, string label, string prefix, long measured, double? median, double? p90, double? mean, long missing, long outOfOrder)
    {
        sb.Append("<tr><th scope=\"row\">").Append(Svg.E(label)).Append("</th>");
        Cell(sb, prefix + "Measured", Svg.Count(measured), Svg.Raw(measured));
        Cell(sb, prefix + "MedianHours", Svg.Duration(median), Svg.Raw(median));
        Cell(sb, prefix + "P90Hours", Svg.Duration(p90), Svg.Raw(p90));
        Cell(sb, prefix + "MeanHours", Svg.Duration(mean), Svg.Raw(mean));
        Cell(sb, prefix + "MissingDates", Svg.Count(missing), Svg.Raw(missing));
        Cell(sb, prefix + "OutOfOrder", Svg.Count(outOfOrder), Svg.Raw(outOfOrder));
        sb.Append("</tr>");
    }

    private static void Cell(StringBuilder sb, string property, string text, string raw) =>
        sb.Append("<td data-figure=\"").Append(property).Append("\" data-value=\"").Append(raw).Append("\">").Append(Svg.E(text)).Append("</td>");

    private static void Histogram(StringBuilder sb, string chart, string title, IReadOnlyList<HistogramBin> bins, string color)
    {
        sb.Append("<figure class=\"hist\"><figcaption>").Append(Svg.E(title)).Append("</figcaption>");
        HistogramChart.Write(sb, chart, title + ": referrals by response time", bins, color);
        sb.Append("</figure>");
    }
}
