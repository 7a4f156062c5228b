using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>Referrals created per month, stacked by final status: one rect per month and status present.</summary>
internal static class MonthlyChart
{
    private const int Width = 960;
    private const int Height = 300;
    private const int Left = 52;
    private const int Right = 8;
    private const int Top = 12;
    private const int Bottom = 40;
    public const string NoStatus = "(none)";

    public static void Write(StringBuilder sb, IReadOnlyList<ReferralMeasure> monthly)
    {
        var dated = monthly.Where(m => m.CreatedPeriod.HasValue).ToList();
        Svg.Open(sb, "monthly", Width, Height, "Referrals created per month, stacked by final status");
        if (dated.Count == 0)
        {
            Svg.Text(sb, Width / 2.0, Height / 2.0, "No referral with a created date.", "muted", "middle");
            sb.Append("</svg>");
            return;
        }

        var first = dated.Min(m => m.CreatedPeriod!.Value);
        var last = dated.Max(m => m.CreatedPeriod!.Value);
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        var totals = dated.GroupBy(m => m.CreatedPeriod!.Value).ToDictionary(g => g.Key, g => g.Sum(m => m.Created));
        var max = totals.Values.Max();
        var step = Svg.NiceStep(max, 5);
        var top = Math.Ceiling(max / step) * step;
        var plotHeight = Height - Top - Bottom;
        var slot = (Width - Left - Right) / (double)months;
        var barWidth = Math.Max(1, slot * 0.8);

        for (var tick = 0.0; tick <= top + 1e-9; tick += step)
        {
            var y = Top + plotHeight - (tick / top * plotHeight);
            Svg.Line(sb, Left, y, Width - Right, y, "grid");
            Svg.Text(sb, Left - 6, y + 4, tick.ToString("N0", CultureInfo.InvariantCulture), "axis", "end");
        }

        // Up to two years, a label every few months; beyond, one at each January (every few years if needed), so
        // labels never overlap however long the range and long ranges read as years.
        var yearly = months > 24;
        var labelEvery = yearly ? Math.Max(1, (int)Math.Ceiling(months / 12.0 / 16.0)) : Math.Max(1, (int)Math.Ceiling(months / 16.0));
        for (var i = 0; i < months; i++)
        {
            var month = first.AddMonths(i);
            var x = Left + (i * slot) + (slot / 2);
            if (yearly ? month.Month == 1 && month.Year % labelEvery == 0 : i % labelEvery == 0)
            {
                Svg.Line(sb, x, Top + plotHeight, x, Top + plotHeight + 4, "grid");
                Svg.Text(sb, x, Height - Bottom + 16, month.ToString(yearly ? "yyyy" : "yyyy-MM", CultureInfo.InvariantCulture), "axis", "middle");
            }
        }

        var statuses = StatusColors.Order(dated.Select(m => m.Status ?? NoStatus).Distinct(StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var group in dated.GroupBy(m => m.CreatedPeriod!.Value))
        {
            var index = ((group.Key.Year - first.Year) * 12) + group.Key.Month - first.Month;
            var x = Left + (index * slot) + ((slot - barWidth) / 2);
            var y = (double)(Top + plotHeight);
            var monthText = group.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            // A bar can be a few pixels wide and the axis names only years: hovering gives the month in words.
            var ofMonth = " of " + Svg.Count(totals[group.Key]) + " created in " + group.Key.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            foreach (var measure in group.OrderBy(m => statuses.FindIndex(s => string.Equals(s, m.Status ?? NoStatus, StringComparison.OrdinalIgnoreCase))))
            {
                var h = measure.Created / top * plotHeight;
                y -= h;
                var status = measure.Status ?? NoStatus;
                Svg.Mark(sb, x, y, barWidth, h, StatusColors.Of(measure.Status), status + ": " + Svg.Count(measure.Created) + ofMonth,
                    "data-month=\"" + monthText + "\" data-status=\"" + Svg.E(status) + "\" data-value=\"" + Svg.Raw(measure.Created) + "\"");
            }
        }

        sb.Append("</svg>");
        Legend(sb, statuses);
    }

    private static void Legend(StringBuilder sb, IEnumerable<string> statuses)
    {
        sb.Append("<ul class=\"legend\">");
        foreach (var status in statuses)
        {
            sb.Append("<li><span class=\"swatch\" style=\"background:").Append(StatusColors.Of(status)).Append("\"></span>")
                .Append(Svg.E(status)).Append("</li>");
        }

        sb.Append("</ul>");
    }
}
