using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>The largest groups of one field: a volume bar and a win-rate bar per group (two marks a row).</summary>
internal static class TopChart
{
    private const int Width = 500;
    private const int RowHeight = 26;
    private const int LabelWidth = 190;
    private const int ColumnWidth = 140;
    private const int Header = 20;

    public static void Write(StringBuilder sb, string chart, string title, IReadOnlyList<ReferralMeasure> rows, Func<ReferralMeasure, string?> key)
    {
        var height = Header + (Math.Max(1, rows.Count) * RowHeight) + 4;
        Svg.Open(sb, chart, Width, height, title);
        Svg.Text(sb, LabelWidth, 14, "Referrals", "axis");
        // The win rate counts referrals that reached Won (archived wins too), not those whose status is Won.
        Svg.Text(sb, LabelWidth + ColumnWidth + 16, 14, "Reached Won", "axis");
        var max = rows.Count == 0 ? 0 : rows.Max(r => r.Created);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var name = key(row) ?? "(none)";
            var y = Header + (i * RowHeight);
            Svg.Text(sb, LabelWidth - 8, y + 17, name, "axis", "end");
            var volume = max > 0 ? row.Created / (double)max * (ColumnWidth - 44) : 0;
            Svg.Mark(sb, LabelWidth, y + 4, volume, RowHeight - 8, StatusColors.Of("Acknowledged"), name + ": " + Svg.Count(row.Created) + " referrals",
                "data-key=\"" + Svg.E(name) + "\" data-measure=\"Created\" data-value=\"" + Svg.Raw(row.Created) + "\"");
            Svg.Text(sb, LabelWidth + volume + 4, y + 17, Svg.Count(row.Created), "value");
            var rateX = LabelWidth + ColumnWidth + 16;
            var rate = (row.WinRate ?? 0) * (ColumnWidth - 44);
            Svg.Mark(sb, rateX, y + 4, rate, RowHeight - 8, StatusColors.Of("Won"), name + ": " + Svg.Percent(row.WinRate) + " reached Won",
                "data-key=\"" + Svg.E(name) + "\" data-measure=\"WinRate\" data-value=\"" + Svg.Raw(row.WinRate) + "\"");
            Svg.Text(sb, rateX + rate + 4, y + 17, Svg.Percent(row.WinRate), "value");
        }

        sb.Append("</svg>");
    }
}
