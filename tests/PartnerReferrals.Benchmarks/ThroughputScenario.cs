using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Scenario 1, CPU-bound: rows per second of the four pulls with no injected latency. Full mode uses
/// BenchmarkDotNet (in-process, 1 warm-up and 5 measured iterations); smoke mode and a BDN failure use the
/// stopwatch harness on the same methods.
/// </summary>
internal static class ThroughputScenario
{
    private static readonly (string Key, string Method, string Label)[] Pulls =
    [
        ("a", nameof(ThroughputBenchmarks.RawBytes), "(a) raw bytes, discarded"),
        ("b", nameof(ThroughputBenchmarks.JsonReader), "(b) raw bytes + Utf8JsonReader over every token (baseline)"),
        ("b2", nameof(ThroughputBenchmarks.JsonDocument), "(b') raw bytes + JsonDocument per page"),
        ("c", nameof(ThroughputBenchmarks.EngineStream), "(c) engine: PartnerReferralsSession.GetReferralsAsync, typed rows"),
        ("d", nameof(ThroughputBenchmarks.EntryPoint), "(d) entry point: PartnerReferralsOperations.GetReferrals, null host"),
    ];

    public static async Task RunAsync(BenchReport report, Connection connection, int concurrency, TextWriter log)
    {
        var settings = report.Settings;
        var rows = settings.ThroughputRows;
        Dictionary<string, (double Seconds, long Allocated)> results;
        string how;
        string? bdnTable = null;
        if (settings.UseBenchmarkDotNet)
        {
            log.WriteLine("Scenario 1: BenchmarkDotNet, in-process.");
            (results, bdnTable, var failure) = RunBenchmarkDotNet(settings, connection, concurrency);
            how = "BenchmarkDotNet 0.14.0, in-process emit toolchain, 1 launch, 1 warm-up, 5 iterations, 1 pull per iteration; medians; allocations from its MemoryDiagnoser.";
            if (failure is not null)
            {
                log.WriteLine("BenchmarkDotNet failed (" + failure + "); falling back to the stopwatch harness.");
                results = await RunStopwatchAsync(settings, connection, concurrency, log);
                how = "Stopwatch harness (BenchmarkDotNet failed: " + failure + "); 1 warm-up and " + settings.Repeats + " runs, medians.";
            }
        }
        else
        {
            results = await RunStopwatchAsync(settings, connection, concurrency, log);
            how = "Stopwatch harness: 1 warm-up and " + settings.Repeats + " run(s), medians.";
        }

        var baseline = results["b"].Seconds;
        var table = new List<string[]>();
        foreach (var (key, _, label) in Pulls)
        {
            var (seconds, allocated) = results[key];
            report.Add("throughput." + key + ".seconds", seconds);
            report.Add("throughput." + key + ".rowsPerSecond", rows / seconds);
            report.Add("throughput." + key + ".allocatedBytesPerRow", (double)allocated / rows);
            report.Add("throughput." + key + ".ratioToB", seconds / baseline);
            table.Add([label, BenchReport.Format(seconds), BenchReport.Format(rows / seconds), BenchReport.Format((double)allocated / rows), BenchReport.Format(seconds / baseline)]);
        }

        var cb = report.Target("1. CPU-bound: time of (c) engine stream / (b) bytes + parse", results["c"].Seconds / baseline, 1.25);
        report.Add("throughput.ratio.c_b", cb.Measured);
        report.Add("throughput.ratio.d_b", results["d"].Seconds / baseline);
        report.Add("throughput.ratio.d_c", results["d"].Seconds / results["c"].Seconds);

        var body = BenchReport.Invariant($"{rows:#,0} referrals, page size {settings.PageSize:#,0}, no injected latency, {concurrency} pages in flight after the first (the engine's default `MaxConcurrency`; the baselines do the same). {how} The emulator runs in a child process on the same 2 cores, so every figure includes the cost of serving; the ratios compare clients under the same load. Allocated bytes are this process's only.\n\n")
            + BenchReport.Table(["pull", "median s", "rows/s", "allocated B/row", "time / (b)"], table)
            + BenchReport.Invariant($"\nc/b = **{cb.Measured:0.00}** (target at most 1.25: {(cb.Met ? "met" : "**not met**")}); d/b = **{results["d"].Seconds / baseline:0.00}**; d/c = {results["d"].Seconds / results["c"].Seconds:0.00} (the cost of the runner that replays rows on the pipeline thread).\n");
        if (bdnTable is not null)
        {
            body += "\nBenchmarkDotNet's own table (Ratio column: mean of per-iteration ratios to (b)):\n\n" + bdnTable + "\n";
        }

        report.Section("1. CPU-bound pull", body);
    }

    private static async Task<Dictionary<string, (double, long)>> RunStopwatchAsync(BenchSettings settings, Connection connection, int concurrency, TextWriter log)
    {
        using var pulls = new ReferralPulls(connection, settings.ThroughputRows, settings.PageSize, concurrency);
        var runs = new Dictionary<string, Func<Task<long>>>
        {
            ["a"] = pulls.RawBytesAsync,
            ["b"] = pulls.RawBytesAndJsonReaderAsync,
            ["b2"] = pulls.RawBytesAndJsonDocumentAsync,
            ["c"] = pulls.EngineStreamAsync,
            ["d"] = () => Task.Run(pulls.EntryPoint),
        };
        var results = new Dictionary<string, (double, long)>();
        foreach (var (key, _, label) in Pulls)
        {
            var timing = await Measure.RepeatAsync(label, runs[key], settings.ThroughputRows, settings.Repeats);
            log.WriteLine(BenchReport.Invariant($"  {label}: {timing.Seconds:0.000} s"));
            results[key] = (timing.Seconds, timing.AllocatedBytes);
        }

        return results;
    }

    private static (Dictionary<string, (double, long)> Results, string? Table, string? Failure) RunBenchmarkDotNet(BenchSettings settings, Connection connection, int concurrency)
    {
        ThroughputBenchmarks.Connection = connection;
        ThroughputBenchmarks.Settings = settings;
        ThroughputBenchmarks.Concurrency = concurrency;

        // Every pull must return every row before its time means anything.
        using (var check = new ReferralPulls(connection, settings.ThroughputRows, settings.PageSize, concurrency))
        {
            Measure.Check("(a)", check.RawBytesAsync().GetAwaiter().GetResult(), settings.ThroughputRows);
            Measure.Check("(b)", check.RawBytesAndJsonReaderAsync().GetAwaiter().GetResult(), settings.ThroughputRows);
            Measure.Check("(b')", check.RawBytesAndJsonDocumentAsync().GetAwaiter().GetResult(), settings.ThroughputRows);
            Measure.Check("(c)", check.EngineStreamAsync().GetAwaiter().GetResult(), settings.ThroughputRows);
            Measure.Check("(d)", check.EntryPoint(), settings.ThroughputRows);
        }

        // In-process: BDN's default toolchain would generate and build a project under this repository, where the
        // shared build settings (warnings as errors, analyzers) apply to its generated code.
        var job = new Job("InProcess").WithStrategy(RunStrategy.Monitoring).WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "PartnerReferrals.Benchmarks", "bdn"));
        Summary summary;
        try
        {
            summary = BenchmarkRunner.Run<ThroughputBenchmarks>(config);
        }
        catch (InvalidOperationException ex)
        {
            return ([], null, ex.Message);
        }

        var results = new Dictionary<string, (double, long)>();
        foreach (var (key, method, _) in Pulls)
        {
            var run = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
            if (run?.ResultStatistics is null)
            {
                return ([], null, "no result for " + method + (summary.HasCriticalValidationErrors ? " (validation errors)" : string.Empty));
            }

            results[key] = (run.ResultStatistics.Median / 1e9, run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0);
        }

        var exported = Directory.GetFiles(summary.ResultsDirectoryPath, "*-report-github.md").FirstOrDefault();
        var table = exported is null ? null : string.Join('\n', File.ReadAllLines(exported).SkipWhile(l => !l.StartsWith('|')));
        return (results, table, null);
    }
}
