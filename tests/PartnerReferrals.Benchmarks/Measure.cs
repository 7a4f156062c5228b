using System.Diagnostics;

namespace PartnerReferrals.Benchmarks;

/// <summary>Stopwatch runs with a warm-up and a median; each run must return the rows expected.</summary>
internal static class Measure
{
    public static async Task<Timing> RepeatAsync(string what, Func<Task<long>> run, long expectedRows, int repeats)
    {
        await CheckAsync(what, run, expectedRows);
        var seconds = new List<double>();
        long allocated = 0;
        for (var i = 0; i < repeats; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var rows = await run();
            watch.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            Check(what, rows, expectedRows);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }

        return new Timing(Median(seconds), seconds, allocated / repeats);
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

    private static async Task CheckAsync(string what, Func<Task<long>> run, long expectedRows) => Check(what, await run(), expectedRows);
}

/// <summary>A median in seconds, every run's seconds, and the bytes allocated per run in this process.</summary>
internal sealed record Timing(double Seconds, IReadOnlyList<double> Runs, long AllocatedBytes);
