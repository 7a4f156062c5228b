namespace PartnerReferrals.Benchmarks.Tests;

/// <summary>
/// The benchmark's smoke mode, run in-process on small sizes. It asserts that every figure was produced and
/// is a real number, never that a target was met: timings on a shared CI machine do not belong in a unit test.
/// </summary>
public class SmokeModeTests
{
    private static readonly string[] Pulls = ["a", "b", "b2", "c", "d"];

    [Fact]
    public async Task Smoke_mode_produces_every_figure_of_every_scenario()
    {
        var report = await BenchmarkSuite.RunAsync(BenchSettings.Smoke, BenchmarkSuite.SmokeCommand, TextWriter.Null);

        var expected = new List<string>();
        foreach (var pull in Pulls)
        {
            expected.AddRange(new[] { "seconds", "rowsPerSecond", "allocatedBytesPerRow", "ratioToB" }.Select(f => "throughput." + pull + "." + f));
        }

        expected.AddRange(["throughput.ratio.c_b", "throughput.ratio.d_b", "throughput.ratio.d_c"]);
        expected.AddRange(
        [
            "latency.oneRequest.seconds", "latency.firstRow.seconds", "latency.total.seconds", "latency.noLatency.seconds",
            "latency.bound.sequential.seconds", "latency.bound.concurrent.seconds", "latency.ratio.total_sequential",
            "latency.ratio.total_concurrent", "latency.ratio.firstRow_oneRequest",
        ]);
        foreach (var rows in BenchSettings.Smoke.MemoryRows)
        {
            expected.AddRange(new[] { "peakWorkingSetBytes", "allocatedBytesPerRow", "liveHeapAtLastRowBytes" }.Select(f => "memory." + rows + "." + f));
        }

        expected.AddRange(["memory.ratio.peak", "memory.retainedBytesPerExtraRow"]);
        expected.AddRange(
        [
            "emulator.filter.scannedRowsPerSecond", "emulator.filter.servedRowsPerSecond", "emulator.filter.matchedRows",
            "emulator.groupby.inputRowsPerSecond", "emulator.groupby.groups",
        ]);

        foreach (var pull in new[] { "module-null", "module-csv", "module-export", "irm-null", "httpclient-null", "raw", "raw-write", "pipeline-floor" })
        {
            expected.AddRange(new[] { "seconds", "rowsPerSecond", "ratioToRaw" }.Select(f => "pwsh." + pull + "." + f));
        }

        expected.AddRange(
        [
            "pwsh.ratio.csv_export", "pwsh.ratio.export_rawWrite", "pwsh.ratio.moduleNull_raw", "pwsh.ratio.floor_raw", "pwsh.ratio.moduleNull_rawPlusFloor", "pwsh.ratio.irm_moduleNull",
            "pwsh.latency.module-null.seconds", "pwsh.latency.module-null-8.seconds", "pwsh.latency.module-export.seconds",
            "pwsh.latency.irm-null.seconds", "pwsh.latency.raw.seconds", "pwsh.firstRow.seconds", "pwsh.ratio.firstRow_oneRequest",
        ]);
        foreach (var pull in new[] { "module-null", "module-csv", "module-export" })
        {
            expected.Add("pwsh.memory." + pull + ".ratio");
            expected.AddRange(BenchSettings.Smoke.MemoryRows.Select(rows => "pwsh.memory." + pull + "." + rows + ".peakWorkingSetBytes"));
        }

        Assert.All(expected, key =>
        {
            Assert.True(report.Figures.TryGetValue(key, out var value), key + " is missing");
            Assert.True(double.IsFinite(value), key + " is " + value);
        });
        Assert.All(expected.Where(k => !k.StartsWith("memory.retained", StringComparison.Ordinal)), key => Assert.True(report.Figures[key] > 0, key + " is not positive"));
        Assert.Equal(12, report.Targets.Count);
    }

    [Fact]
    public void The_markdown_report_names_the_machine_the_command_and_every_target()
    {
        var report = new BenchReport(BenchSettings.Smoke, BenchmarkSuite.SmokeCommand);
        report.Add("throughput.c.seconds", 1.5);
        report.Target("1. CPU-bound: c/b", 1.3, 1.25);
        report.Section("1. CPU-bound pull", "text");

        var markdown = report.ToMarkdown(MachineInfo.Current);

        Assert.Contains(BenchmarkSuite.SmokeCommand, markdown, StringComparison.Ordinal);
        Assert.Contains("| logical cores | " + Environment.ProcessorCount + " |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1. CPU-bound: c/b | 1.30 | 1.25 | **no** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `throughput.c.seconds` | 1.500 |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Why targets are missed", markdown, StringComparison.Ordinal);
    }
}
