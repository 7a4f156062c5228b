using System;
using System.Collections.Generic;
using System.Text;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>Horizontal bars with a label on the left and the value on the right: the funnel and the final statuses.</summary>
internal static class BarList
{
    private const int Width = 480;
    private const int RowHeight = 30;

    // Wide enough for "Reached Acknowledged" at the chart's font size.
    private const int LabelWidth = 160;
    private const int ValueWidth = 120;

    /// <summary>One bar per row, scaled so <c>scale</c> fills the width.</summary>
    public static void Write(StringBuilder sb, string chart, string title, IReadOnlyList<Bar> rows, long scale)
    {
        var height = Math.Max(1, rows.Count) * RowHeight + 8;
        Svg.Open(sb, chart, Width, height, title);
        var plot = Width - LabelWidth - ValueWidth;
        for (var i = 0; i < rows.Count; i++)
        {
            var bar = rows[i];
            var y = 4 + (i * RowHeight);
            var w = scale > 0 ? bar.Value / (double)scale * plot : 0;
            Svg.Text(sb, LabelWidth - 8, y + 19, bar.Label, "axis", "end");
            Svg.Mark(sb, LabelWidth, y + 4, w, RowHeight - 8, bar.Color, bar.Tooltip,
                "data-key=\"" + Svg.E(bar.Label) + "\" data-value=\"" + Svg.Raw(bar.Value) + "\"");
            Svg.Text(sb, LabelWidth + w + 6, y + 19, bar.Text, "value");
        }

        sb.Append("</svg>");
    }

    /// <summary>One row: its label (also its data-key), value, colour, the text beside the bar and the text on hover.</summary>
    public readonly record struct Bar(string Label, long Value, string Color, string Text, string Tooltip);
}
