using System.Globalization;
using System.Text.Json;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Scenario 3: one child process per size pulls through the engine's stream and reports its own peak working set
/// and allocations; the emulator is another process, so its memory never counts. Streaming means the peak for
/// the largest size stays close to the peak for the smallest.
/// </summary>
internal static class MemoryScenario
{
    public static async Task RunAsync(BenchReport report, Connection connection, int concurrency, TextWriter log)
    {
        var settings = report.Settings;
        var results = new List<MemoryResult>();
        foreach (var rows in settings.MemoryRows)
        {
            var result = await RunChildAsync(connection, rows, settings.PageSize, concurrency);
            Measure.Check("memory child", result.Rows, rows);
            log.WriteLine(BenchReport.Invariant($"  memory {rows:#,0} rows: peak {result.PeakWorkingSetBytes / 1048576.0:0.0} MiB, {(double)result.AllocatedBytes / rows:0} B/row"));
            var key = "memory." + rows.ToString(CultureInfo.InvariantCulture) + ".";
            report.Add(key + "peakWorkingSetBytes", result.PeakWorkingSetBytes);
            report.Add(key + "workingSetBeforeBytes", result.WorkingSetBeforeBytes);
            report.Add(key + "allocatedBytesPerRow", (double)result.AllocatedBytes / rows);
            report.Add(key + "liveHeapBeforeBytes", result.LiveHeapBeforeBytes);
            report.Add(key + "liveHeapAtLastRowBytes", result.LiveHeapAtLastRowBytes);
            report.Add(key + "seconds", result.Seconds);
            results.Add(result);
        }

        var small = results[0];
        var large = results[^1];
        var peak = report.Target(BenchReport.Invariant($"3. Memory: peak working set, {large.Rows:#,0} rows / {small.Rows:#,0} rows"), (double)large.PeakWorkingSetBytes / small.PeakWorkingSetBytes, 1.2);
        report.Add("memory.ratio.peak", peak.Measured);
        var retainedPerRow = (double)((large.LiveHeapAtLastRowBytes - large.LiveHeapBeforeBytes) - (small.LiveHeapAtLastRowBytes - small.LiveHeapBeforeBytes)) / (large.Rows - small.Rows);
        report.Add("memory.retainedBytesPerExtraRow", retainedPerRow);

        var table = new List<string[]>();
        foreach (var r in results)
        {
            table.Add(
            [
                BenchReport.Invariant($"{r.Rows:#,0}"),
                MiB(r.WorkingSetBeforeBytes),
                MiB(r.PeakWorkingSetBytes),
                BenchReport.Format((double)r.AllocatedBytes / r.Rows),
                MiB(r.LiveHeapBeforeBytes),
                MiB(r.LiveHeapAtLastRowBytes),
                BenchReport.Format(r.Seconds),
            ]);
        }

        var body = BenchReport.Invariant($"Each size is pulled by a child process of its own (`--child memory`), page size {settings.PageSize:#,0}, concurrency {concurrency}, after a 10-row warm-up pull in the same child. Peak working set is the child's `Process.PeakWorkingSet64` (VmHWM); allocations are `GC.GetTotalAllocatedBytes(true)` around the pull; the live heap is `GC.GetTotalMemory(true)` before the pull and when the last row arrives, with the stream still open.\n\n")
            + BenchReport.Table(["rows", "working set before, MiB", "peak working set, MiB", "allocated B/row", "live heap before, MiB", "live heap at last row, MiB", "seconds"], table)
            + BenchReport.Invariant($"\nPeak ratio {large.Rows:#,0} / {small.Rows:#,0} = **{peak.Measured:0.00}** (target at most 1.2: {(peak.Met ? "met" : "**not met**")}). Heap still live at the last row grows by **{retainedPerRow:0.0} bytes per extra row**: what the stream keeps for the whole result.\n");
        report.Section("3. Memory", body);
    }

    private static string MiB(long bytes) => BenchReport.Invariant($"{bytes / 1048576.0:0.0}");

    private static async Task<MemoryResult> RunChildAsync(Connection connection, int rows, int pageSize, int concurrency)
    {
        using var child = ChildProcess.Start(
            ["--child", "memory", "--rows", Invariant(rows), "--page-size", Invariant(pageSize), "--concurrency", Invariant(concurrency),
             "--base-url", connection.BaseAddress.ToString(), "--thumbprint", connection.Thumbprint],
            new Dictionary<string, string> { [Connection.TokenVariable] = connection.Token });
        child.StandardInput.Close();
        var errors = child.StandardError.ReadToEndAsync();
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize<MemoryResult>(line["RESULT ".Length..], ChildJson.Options)!;
            }
        }

        throw new InvalidOperationException("The memory child for " + rows + " rows exited with " + child.ExitCode + " and no result: " + await errors);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
