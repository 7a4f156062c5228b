using System.Globalization;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// <c>--ab OTHER.psd1</c>: the pwsh pulls users run, with the module packaged from these sources (A, artifacts/module)
/// and another package of it (B, e.g. one built with a plain form of a hand-written fast path), each in its own warm
/// pwsh against one emulator, in interleaved rounds whose order alternates. B/A is the median of per-round ratios, so
/// a burst of outside load on a small shared machine moves both sides of a ratio alike.
/// </summary>
internal static class ModuleComparison
{
    private static readonly string[] Pulls = ["module-null", "module-export", "module-csv"];

    public static async Task<string> RunAsync(string otherManifest, int rows, int rounds, TextWriter log)
    {
        const int PageSize = 10_000;
        await using var emulator = await EmulatorProcess.StartAsync(rows);
        var setup = PowerShellSetup.Prepare(packageAfresh: false, log);
        var other = setup with { ModuleManifest = Path.GetFullPath(otherManifest) };
        try
        {
            await using var a = await PowerShellWorker.StartAsync(setup, emulator);
            await using var b = await PowerShellWorker.StartAsync(other, emulator);
            var seconds = Pulls.ToDictionary(p => p, _ => (A: new List<double>(), B: new List<double>()));
            var cpu = Pulls.ToDictionary(p => p, _ => (A: new List<double>(), B: new List<double>()));
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var pull in Pulls)
                {
                    var first = round % 2 == 0 ? a : b;
                    var firstResult = await first.PullAsync(pull, rows, PageSize);
                    var secondResult = await (first == a ? b : a).PullAsync(pull, rows, PageSize);
                    var (resultA, resultB) = first == a ? (firstResult, secondResult) : (secondResult, firstResult);
                    if (round > 0)
                    {
                        seconds[pull].A.Add(resultA.Seconds);
                        seconds[pull].B.Add(resultB.Seconds);
                        cpu[pull].A.Add(resultA.CpuSeconds);
                        cpu[pull].B.Add(resultB.CpuSeconds);
                    }
                }

                log.WriteLine(BenchReport.Invariant($"  round {round}{(round == 0 ? " (warm-up)" : string.Empty)} done"));
            }

            var table = Pulls.Select(pull => new[]
            {
                pull,
                BenchReport.Format(Measure.Median(seconds[pull].A)),
                BenchReport.Format(Measure.Median(seconds[pull].B)),
                RatioText(seconds[pull]),
                BenchReport.Format(Measure.Median(cpu[pull].A)),
                BenchReport.Format(Measure.Median(cpu[pull].B)),
                RatioText(cpu[pull]),
            });
            return BenchReport.Invariant($"A: {setup.ModuleManifest}\nB: {other.ModuleManifest}\n{rows:#,0} referrals, page size {PageSize:#,0}, {rounds} rounds after a warm-up, load average {MachineInfo.LoadAverage() ?? "n/a"} at the end, commit {MachineInfo.Commit()}.\n\n")
                + BenchReport.Table(["pull", "A wall s", "B wall s", "B/A wall", "A CPU s", "B CPU s", "B/A CPU"], table);
        }
        finally
        {
            setup.Clean();
        }
    }

    private static string RatioText((List<double> A, List<double> B) samples) =>
        Measure.Median(samples.A.Zip(samples.B, (x, y) => y / x).ToArray()).ToString("0.000", CultureInfo.InvariantCulture);
}
