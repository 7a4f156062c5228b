using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// One run of all five scenarios against one emulator child process. Program calls it for <c>--full</c> and
/// <c>--smoke</c>; the smoke test calls it in-process.
/// </summary>
public static class BenchmarkSuite
{
    public const string FullCommand = "dotnet run -c Release --project tests/PartnerReferrals.Benchmarks -- --full";

    public const string SmokeCommand = "dotnet run -c Release --project tests/PartnerReferrals.Benchmarks -- --smoke";

    public static async Task<BenchReport> RunAsync(BenchSettings settings, string command, TextWriter log)
    {
        System.ArgumentNullException.ThrowIfNull(settings);
        System.ArgumentNullException.ThrowIfNull(log);
        var report = new BenchReport(settings, command);
        // The concurrency a user gets: the engine's default.
        var concurrency = new PartnerReferralsOptions().MaxConcurrency;
        log.WriteLine(BenchReport.Invariant($"Starting the emulator with {settings.EmulatorRows:#,0} rows..."));
        await using var emulator = await EmulatorProcess.StartAsync(settings.EmulatorRows);

        log.WriteLine("Scenario 1: CPU-bound pull.");
        await ThroughputScenario.RunAsync(report, emulator.Connection, concurrency, log);
        log.WriteLine("Scenario 2: latency-bound pull.");
        await LatencyScenario.RunAsync(report, emulator, concurrency, log);
        log.WriteLine("Scenario 3: memory, one child process per size.");
        await MemoryScenario.RunAsync(report, emulator.Connection, concurrency, log);
        log.WriteLine("Scenario 4: the emulator.");
        await EmulatorScenario.RunAsync(report, emulator.Connection, log);
        log.WriteLine("Scenario 5: in PowerShell, what users run.");
        await PowerShellScenario.RunAsync(report, emulator, concurrency, log);
        return report;
    }
}
