using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>Small helpers for writing SVG and HTML text: invariant numbers and encoded text, nothing else.</summary>
internal static class Svg
{
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value for a data- attribute: round-trippable, so a test can compare it exactly.</summary>
    public static string Raw(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    public static string Raw(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>Hours below two days, days above: the unit a person reads a response time in.</summary>
    public static string Duration(double? hours) => hours switch
    {
        null => "n/a",
        < 48 => hours.Value.ToString("0.0", CultureInfo.InvariantCulture) + " h",
        _ => (hours.Value / 24).ToString("0.0", CultureInfo.InvariantCulture) + " d",
    };

    public static StringBuilder Open(StringBuilder sb, string chart, int width, int height, string label)
    {
        sb.Append("<svg class=\"chart\" data-chart=\"").Append(chart).Append("\" viewBox=\"0 0 ")
            .Append(width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"").Append(E(label))
            .Append("\" preserveAspectRatio=\"xMinYMin meet\"><title>").Append(E(label)).Append("</title>");
        return sb;
    }

    public static void Text(StringBuilder sb, double x, double y, string text, string css = "", string anchor = "start")
    {
        sb.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (css.Length > 0)
        {
            sb.Append(" class=\"").Append(css).Append('"');
        }

        sb.Append('>').Append(E(text)).Append("</text>");
    }

    public static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, string css) =>
        sb.Append("<line class=\"").Append(css).Append("\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
            .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2)).Append("\"/>");

    /// <summary>A data mark: a rect with its value in data- attributes and a tooltip.</summary>
    public static void Mark(StringBuilder sb, double x, double y, double w, double h, string fill, string tooltip, string attributes)
    {
        sb.Append("<rect class=\"mark\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(0, w)))
            .Append("\" height=\"").Append(N(Math.Max(0, h))).Append("\" fill=\"").Append(fill).Append("\" ").Append(attributes)
            .Append("><title>").Append(E(tooltip)).Append("</title></rect>");
    }

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving about <paramref name="ticks"/> gridlines up to max.</summary>
    public static double NiceStep(double max, int ticks)
    {
        if (max <= 0)
        {
            return 1;
        }

        var raw = max / ticks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.Max(1, nice * power);
    }
}
