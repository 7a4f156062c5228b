using System;
using System.Collections.Generic;
using System.Text;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>Horizontal bars with a label on the left and the value on the right: the funnel and where referrals ended.</summary>
internal static class BarList
{
    private const int Width = 460;
    private const int RowHeight = 30;
    private const int LabelWidth = 110;
    private const int ValueWidth = 120;

    /// <summary>One bar per row (label, value, colour, the text beside the bar), scaled so <c>scale</c> fills the width.</summary>
    public static void Write(StringBuilder sb, string chart, string title, IReadOnlyList<(string Label, long Value, string Color, string Text)> rows, long scale)
    {
        var height = Math.Max(1, rows.Count) * RowHeight + 8;
        Svg.Open(sb, chart, Width, height, title);
        var plot = Width - LabelWidth - ValueWidth;
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, color, text) = rows[i];
            var y = 4 + (i * RowHeight);
            var w = scale > 0 ? value / (double)scale * plot : 0;
            Svg.Text(sb, LabelWidth - 8, y + 19, label, "axis", "end");
            Svg.Mark(sb, LabelWidth, y + 4, w, RowHeight - 8, color, label + ": " + text,
                "data-key=\"" + Svg.E(label) + "\" data-value=\"" + Svg.Raw(value) + "\"");
            Svg.Text(sb, LabelWidth + w + 6, y + 19, text, "value");
        }

        sb.Append("</svg>");
    }
}
