using System.Diagnostics;

namespace PartnerReferrals.Benchmarks;

/// <summary>Stopwatch runs with a warm-up and a median; each run must return the rows expected.</summary>
internal static class Measure
{
    public static async Task<Timing> RepeatAsync(string what, Func<Task<long>> run, long expectedRows, int repeats)
    {
        Check(what, await run(), expectedRows);
        var samples = new List<Sample>();
        for (var i = 0; i < repeats; i++)
        {
            samples.Add(await OnceAsync(what, run, expectedRows));
        }

        return new Timing(Median(samples.Select(s => s.Seconds).ToArray()), samples.Select(s => s.Seconds).ToArray(), (long)Median(samples.Select(s => (double)s.AllocatedBytes).ToArray()));
    }

    /// <summary>
    /// One run with what this process spent on it: wall and CPU time, GC pauses and collections, allocations.
    /// CPU time and GC figures are this process's only, so they hold up on a machine shared with other work.
    /// </summary>
    public static async Task<Sample> OnceAsync(string what, Func<Task<long>> run, long expectedRows)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var rows = await run();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        self.Refresh();
        Check(what, rows, expectedRows);
        return new Sample(
            watch.Elapsed.TotalSeconds,
            (self.TotalProcessorTime - cpuBefore).TotalSeconds,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            allocated);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static void Check(string what, long rows, long expectedRows)
    {
        if (rows != expectedRows)
        {
            throw new InvalidOperationException(what + " returned " + rows + " rows instead of " + expectedRows + ".");
        }
    }
}

/// <summary>A median in seconds, every run's seconds, and the median bytes allocated per run in this process.</summary>
internal sealed record Timing(double Seconds, IReadOnlyList<double> Runs, long AllocatedBytes);

/// <summary>One run: wall seconds, this process's CPU seconds and GC pause seconds, collections by generation, bytes allocated.</summary>
internal sealed record Sample(double Seconds, double CpuSeconds, double GcPauseSeconds, int Gen0, int Gen1, int Gen2, long AllocatedBytes);
