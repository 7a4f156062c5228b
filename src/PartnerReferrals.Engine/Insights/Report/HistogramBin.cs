using System;
using System.Collections.Generic;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>One bar of a response-time distribution: durations in [LowerHours, UpperHours).</summary>
public sealed class HistogramBin
{
    // Edges people think in: an hour, a working day, a day, two, four, a week, two, a month, a quarter.
    private static readonly (double Lower, string Label)[] Edges =
    [
        (0, "<1h"), (1, "1-4h"), (4, "4-12h"), (12, "12-24h"), (24, "1-2d"), (48, "2-4d"), (96, "4-7d"),
        (168, "1-2w"), (336, "2-4w"), (672, "4w-3mo"), (2160, ">3mo"),
    ];

    public HistogramBin(string label, double lowerHours, double upperHours, long count)
    {
        Label = label;
        LowerHours = lowerHours;
        UpperHours = upperHours;
        Count = count;
    }

    public string Label { get; }

    public double LowerHours { get; }

    /// <summary>Exclusive; infinity for the last bin.</summary>
    public double UpperHours { get; }

    public long Count { get; }

    /// <summary>Every bin, empty ones included, so the x axis is the same for every distribution.</summary>
    internal static IReadOnlyList<HistogramBin> FromSorted(int[] sortedSeconds)
    {
        var bins = new List<HistogramBin>(Edges.Length);
        var at = 0;
        for (var i = 0; i < Edges.Length; i++)
        {
            var lower = Edges[i].Lower;
            var upper = i + 1 < Edges.Length ? Edges[i + 1].Lower : double.PositiveInfinity;
            var start = at;
            while (at < sortedSeconds.Length && sortedSeconds[at] / 3600.0 < upper)
            {
                at++;
            }

            bins.Add(new HistogramBin(Edges[i].Label, lower, upper, at - start));
        }

        return bins;
    }

    internal static IReadOnlyList<HistogramBin> Empty() => FromSorted(Array.Empty<int>());
}
