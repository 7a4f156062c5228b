using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Scenario 1, CPU-bound: rows per second of the pulls with no injected latency. The ratios that decide the
/// target come from interleaved rounds (one pull of each kind per round, the order rotated each round, the
/// median of the per-round ratios), so a burst of load from elsewhere on the machine hits every pull of a
/// round alike. Full mode also runs the same methods under BenchmarkDotNet and reports its table and Ratio column.
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
        var rounds = await RunRoundsAsync(settings, connection, concurrency, log);
        var table = new List<string[]>();
        foreach (var (key, _, label) in Pulls)
        {
            var samples = rounds[key];
            var seconds = Median(samples, s => s.Seconds);
            var ratio = PairedRatio(rounds, key, "b", s => s.Seconds);
            var cpuRatio = PairedRatio(rounds, key, "b", s => s.CpuSeconds);
            var prefix = "throughput." + key + ".";
            report.Add(prefix + "seconds", seconds);
            report.Add(prefix + "rowsPerSecond", rows / seconds);
            report.Add(prefix + "cpuSeconds", Median(samples, s => s.CpuSeconds));
            report.Add(prefix + "gcPauseSeconds", Median(samples, s => s.GcPauseSeconds));
            report.Add(prefix + "gen0", Median(samples, s => s.Gen0));
            report.Add(prefix + "gen1", Median(samples, s => s.Gen1));
            report.Add(prefix + "gen2", Median(samples, s => s.Gen2));
            report.Add(prefix + "allocatedBytesPerRow", Median(samples, s => s.AllocatedBytes) / rows);
            report.Add(prefix + "ratioToB", ratio);
            report.Add(prefix + "cpuRatioToB", cpuRatio);
            table.Add(
            [
                label, BenchReport.Format(seconds), BenchReport.Format(rows / seconds), BenchReport.Invariant($"**{ratio:0.00}**"),
                BenchReport.Format(Median(samples, s => s.CpuSeconds)), BenchReport.Invariant($"{cpuRatio:0.00}"),
                BenchReport.Format(Median(samples, s => s.GcPauseSeconds)),
                BenchReport.Invariant($"{Median(samples, s => s.Gen0):0}/{Median(samples, s => s.Gen1):0}/{Median(samples, s => s.Gen2):0}"),
                BenchReport.Format(Median(samples, s => s.AllocatedBytes) / rows),
            ]);
        }

        var cb = report.Target("1. CPU-bound: time of (c) engine stream / (b) bytes + parse", report.Figures["throughput.c.ratioToB"], 1.25);
        var db = report.Figures["throughput.d.ratioToB"];
        var dc = PairedRatio(rounds, "d", "c", s => s.Seconds);
        report.Add("throughput.ratio.c_b", cb.Measured);
        report.Add("throughput.ratio.d_b", db);
        report.Add("throughput.ratio.d_c", dc);

        var body = BenchReport.Invariant($"{rows:#,0} referrals, page size {settings.PageSize:#,0}, no injected latency, {concurrency} pages in flight after the first (the engine's default `MaxConcurrency`; the baselines fetch the same way: same network handler, same URLs, bodies read whole). The emulator runs in a child process on the same 2 cores, so wall times include serving; CPU time, GC and allocations are the client process's only. {settings.Repeats} interleaved round(s) after a warm-up round; medians; ratios are medians of the per-round ratios.\n\n")
            + BenchReport.Table(["pull", "wall s", "rows/s", "wall / (b)", "client CPU s", "CPU / (b)", "GC pause s", "GCs gen0/1/2", "allocated B/row"], table)
            + BenchReport.Invariant($"\nc/b = **{cb.Measured:0.00}** (target at most 1.25: {(cb.Met ? "met" : "**not met**")}); d/b = **{db:0.00}**; d/c = {dc:0.00} (what the runner that replays rows on the pipeline thread adds).\n");

        if (settings.UseBenchmarkDotNet)
        {
            log.WriteLine("Scenario 1: BenchmarkDotNet, in-process.");
            body += RunBenchmarkDotNet(report, connection, concurrency);
        }

        report.Section("1. CPU-bound pull", body);
    }

    private static async Task<Dictionary<string, List<Sample>>> RunRoundsAsync(BenchSettings settings, Connection connection, int concurrency, TextWriter log)
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
        var samples = Pulls.ToDictionary(p => p.Key, _ => new List<Sample>());
        for (var round = 0; round <= settings.Repeats; round++)
        {
            for (var i = 0; i < Pulls.Length; i++)
            {
                var (key, _, label) = Pulls[(i + round) % Pulls.Length];
                var sample = await Measure.OnceAsync(label, runs[key], settings.ThroughputRows);
                if (round > 0)
                {
                    samples[key].Add(sample);
                }
            }

            log.WriteLine(BenchReport.Invariant($"  round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: ") + string.Join(", ", Pulls.Where(p => round > 0).Select(p => p.Key + " " + samples[p.Key][^1].Seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s")));
        }

        return samples;
    }

    private static double Median(List<Sample> samples, Func<Sample, double> value) => Measure.Median(samples.Select(value).ToArray());

    private static double PairedRatio(Dictionary<string, List<Sample>> rounds, string key, string baseline, Func<Sample, double> value) =>
        Measure.Median(rounds[key].Zip(rounds[baseline], (s, b) => value(s) / value(b)).ToArray());

    private static string RunBenchmarkDotNet(BenchReport report, Connection connection, int concurrency)
    {
        var settings = report.Settings;
        ThroughputBenchmarks.Connection = connection;
        ThroughputBenchmarks.Settings = settings;
        ThroughputBenchmarks.Concurrency = concurrency;

        // In-process: BDN's default toolchain would generate and build a project under this repository, where the
        // shared build settings (warnings as errors, analyzers) apply to its generated code.
        var artifacts = Path.Combine(Path.GetTempPath(), "PartnerReferrals.Benchmarks", "bdn");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        var job = new Job("InProcess").WithStrategy(RunStrategy.Monitoring).WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts);
        var summary = BenchmarkRunner.Run<ThroughputBenchmarks>(config);
        var lines = new List<string[]>();
        foreach (var (key, method, label) in Pulls)
        {
            var run = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
            if (run?.ResultStatistics is null)
            {
                throw new InvalidOperationException("BenchmarkDotNet produced no result for " + method + (summary.HasCriticalValidationErrors ? " (validation errors: see its log above)." : "."));
            }

            var median = run.ResultStatistics.Median / 1e9;
            var ratioText = BaselineRatioColumn.RatioMean.GetValue(summary, run.BenchmarkCase);
            var ratio = double.TryParse(ratioText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
            report.Add("bdn." + key + ".medianSeconds", median);
            report.Add("bdn." + key + ".ratio", ratio);
            report.Add("bdn." + key + ".allocatedBytesPerRow", (run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0) / (double)settings.ThroughputRows);
            lines.Add([label, BenchReport.Format(median), BenchReport.Format(settings.ThroughputRows / median), ratioText]);
        }

        var exported = Directory.GetFiles(artifacts, "*ThroughputBenchmarks-report-github.md", SearchOption.AllDirectories).FirstOrDefault();
        var table = exported is null
            ? "(its markdown export was not found under " + artifacts + ")"
            : System.Net.WebUtility.HtmlDecode(string.Join('\n', File.ReadAllLines(exported).SkipWhile(l => !l.StartsWith('|'))));
        return "\nThe same pulls under BenchmarkDotNet 0.14.0 (in-process emit toolchain, 1 launch, 1 warm-up, 5 iterations of one pull; `[MemoryDiagnoser]`; the emulator is another process, so its allocations do not count). Its iterations of one method run back to back, so a burst of outside load lands on one method; that is why the target above is judged on the interleaved rounds.\n\n"
            + BenchReport.Table(["pull", "BDN median s", "rows/s", "BDN Ratio (mean of ratios to (b))"], lines)
            + "\nBenchmarkDotNet's own table:\n\n" + table + "\n";
    }
}
