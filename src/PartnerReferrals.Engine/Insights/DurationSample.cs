using System;
using System.Collections.Generic;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// The durations of one stage in one group, kept as whole seconds (4 bytes each: the API's dates have second
/// precision) in chunks that double from 64 to 4096 values: growth never copies the sample or lands it on the large
/// object heap, and a small group (there may be thousands) wastes little. Exact percentiles need every value; this
/// is the only memory that grows with the rows measured.
/// </summary>
internal sealed class DurationSample
{
    private const int FirstChunk = 64;
    private const int LargestChunk = 4096;
    private readonly List<int[]> chunks = [];
    private int lastCount;
    private long sumSeconds;

    public int Count { get; private set; }

    public void Add(TimeSpan duration)
    {
        // int seconds cover 68 years; a longer span is a data error the out-of-order check does not catch, so clamp.
        var seconds = (int)Math.Min(int.MaxValue, Math.Max(0, (long)Math.Round(duration.TotalSeconds)));
        if (chunks.Count == 0 || lastCount == chunks[chunks.Count - 1].Length)
        {
            chunks.Add(new int[chunks.Count == 0 ? FirstChunk : Math.Min(LargestChunk, chunks[chunks.Count - 1].Length * 2)]);
            lastCount = 0;
        }

        chunks[chunks.Count - 1][lastCount++] = seconds;
        sumSeconds += seconds;
        Count++;
    }

    /// <summary>The values in ascending order (a new array: the sample stays as it is).</summary>
    public int[] Sorted()
    {
        var all = new int[Count];
        var at = 0;
        foreach (var chunk in chunks)
        {
            var take = Math.Min(chunk.Length, Count - at);
            Array.Copy(chunk, 0, all, at, take);
            at += take;
        }

        Array.Sort(all);
        return all;
    }

    public double? MeanHours => Count == 0 ? null : sumSeconds / (double)Count / 3600.0;

    /// <summary>
    /// The p-quantile of sorted values by linear interpolation between closest ranks (rank = p * (n - 1)): the
    /// definition of Excel's PERCENTILE.INC and numpy's default, in hours.
    /// </summary>
    public static double? PercentileHours(int[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(sorted.Length - 1, low + 1);
        var seconds = sorted[low] + ((rank - low) * (sorted[high] - (double)sorted[low]));
        return seconds / 3600.0;
    }
}
