using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>A response-time distribution: one rect per non-empty bin, every bin labelled, so shapes compare across charts.</summary>
internal static class HistogramChart
{
    private const int Width = 320;
    private const int Height = 190;
    private const int Left = 8;
    private const int Top = 16;
    private const int Bottom = 44;

    public static void Write(StringBuilder sb, string chart, string title, IReadOnlyList<HistogramBin> bins, string color)
    {
        Svg.Open(sb, chart, Width, Height, title);
        var max = bins.Count == 0 ? 0 : bins.Max(b => b.Count);
        var plotHeight = Height - Top - Bottom;
        var slot = (Width - (2 * Left)) / (double)System.Math.Max(1, bins.Count);
        Svg.Line(sb, Left, Top + plotHeight, Width - Left, Top + plotHeight, "grid");
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            var x = Left + (i * slot);
            // Rotated labels: eleven bins do not fit side by side in a third of the page.
            sb.Append("<text class=\"axis\" text-anchor=\"end\" transform=\"translate(").Append(Svg.N(x + (slot / 2) + 3)).Append(',')
                .Append(Svg.N(Top + plotHeight + 8)).Append(") rotate(-45)\">").Append(Svg.E(bin.Label)).Append("</text>");
            if (bin.Count == 0)
            {
                continue;
            }

            var h = bin.Count / (double)max * plotHeight;
            Svg.Mark(sb, x + 1, Top + plotHeight - h, slot - 2, h, color, bin.Label + ": " + Svg.Count(bin.Count),
                "data-key=\"" + Svg.E(bin.Label) + "\" data-value=\"" + Svg.Raw(bin.Count) + "\"");
        }

        sb.Append("</svg>");
    }
}
