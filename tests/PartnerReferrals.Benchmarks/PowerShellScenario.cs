using System.Globalization;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Scenario 5, what users run: the cmdlets in a real pwsh (the pinned local tool, the module packaged from these
/// sources) piped to Out-Null and to Export-Csv, Export-PartnerReferral, the Invoke-RestMethod loop a user writes
/// and a careful HttpClient + System.Text.Json script, against the raw limit measured in this process in the same
/// rounds. CPU-bound in interleaved rounds; latency-bound once each; the first row; memory in a fresh pwsh per pull.
/// </summary>
internal static class PowerShellScenario
{
    private static readonly (string Key, string Label)[] Pulls =
    [
        ("module-null", "`Get-PartnerReferral \\| Out-Null`"),
        ("module-csv", "`Get-PartnerReferral \\| Export-Csv`"),
        ("module-export", "`Export-PartnerReferral -Path`"),
        ("irm-null", "`Invoke-RestMethod` loop `\\| Out-Null`"),
        ("httpclient-null", "HttpClient + System.Text.Json script `\\| Out-Null`"),
        ("raw", "raw limit: bytes, 4 in flight + Utf8JsonReader (in the benchmark process)"),
        ("raw-write", "raw limit + writing the same bytes to a file (in the benchmark process)"),
        ("pipeline-floor", "PowerShell alone: `Write-Output` of as many ready `Referral` objects `\\| Out-Null` (no request)"),
    ];

    private static readonly string[] MemoryPulls = ["module-null", "module-csv", "module-export"];

    public static async Task RunAsync(BenchReport report, EmulatorProcess emulator, int concurrency, TextWriter log)
    {
        var settings = report.Settings;
        var setup = PowerShellSetup.Prepare(packageAfresh: settings.Mode == "full", log);
        try
        {
            string body;
            // One warm pwsh for the timed pulls (as a user's session is); memory takes a fresh one per pull.
            await using (var pwsh = await PowerShellWorker.StartAsync(setup, emulator))
            {
                body = await CpuBoundAsync(report, pwsh, setup, emulator, concurrency, log);
                body += await LatencyBoundAsync(report, pwsh, emulator, concurrency, log);
                body += await FirstRowAsync(report, pwsh, emulator, concurrency);
            }

            body += await MemoryAsync(report, setup, emulator, log);
            report.Section("5. In PowerShell: what users run", body);
        }
        finally
        {
            setup.Clean();
        }
    }

    private static async Task<string> CpuBoundAsync(BenchReport report, PowerShellWorker pwsh, PowerShellSetup setup, EmulatorProcess emulator, int concurrency, TextWriter log)
    {
        var settings = report.Settings;
        var rows = settings.PowerShellRows;
        var pageSize = settings.PageSize;
        await emulator.SetLatencyAsync(TimeSpan.Zero);
        using var pulls = new ReferralPulls(emulator.Connection, rows, pageSize, concurrency);
        var rawFile = Path.Combine(setup.Scratch, "raw.json");
        var samples = Pulls.ToDictionary(p => p.Key, _ => new List<double>());
        var cpu = Pulls.ToDictionary(p => p.Key, _ => new List<double>());
        for (var round = 0; round <= settings.PowerShellRepeats; round++)
        {
            for (var i = 0; i < Pulls.Length; i++)
            {
                var key = Pulls[(i + round) % Pulls.Length].Key;
                double seconds;
                double cpuSeconds;
                if (key.StartsWith("raw", StringComparison.Ordinal))
                {
                    var sample = await Measure.OnceAsync(key, key == "raw" ? pulls.RawBytesAndJsonReaderAsync : () => pulls.RawBytesJsonReaderAndWriteAsync(rawFile), rows);
                    (seconds, cpuSeconds) = (sample.Seconds, sample.CpuSeconds);
                }
                else
                {
                    var result = await pwsh.PullAsync(key, rows, pageSize);
                    (seconds, cpuSeconds) = (result.Seconds, result.CpuSeconds);
                }

                if (round > 0)
                {
                    samples[key].Add(seconds);
                    cpu[key].Add(cpuSeconds);
                }
            }

            log.WriteLine(BenchReport.Invariant($"  PowerShell round {round}{(round == 0 ? " (warm-up)" : string.Empty)}") + (round == 0 ? string.Empty : ": " + string.Join(", ", Pulls.Select(p => p.Key + " " + samples[p.Key][^1].ToString("0.00", CultureInfo.InvariantCulture) + " s"))));
        }

        var table = new List<string[]>();
        foreach (var (key, label) in Pulls)
        {
            var seconds = Measure.Median(samples[key]);
            var toRaw = Paired(samples, key, "raw");
            var toModule = Paired(samples, key, "module-null");
            report.Add("pwsh." + key + ".seconds", seconds);
            report.Add("pwsh." + key + ".cpuSeconds", Measure.Median(cpu[key]));
            report.Add("pwsh." + key + ".rowsPerSecond", rows / seconds);
            report.Add("pwsh." + key + ".ratioToRaw", toRaw);
            table.Add([label, BenchReport.Format(seconds), BenchReport.Format(rows / seconds), BenchReport.Invariant($"{toRaw:0.00}"), BenchReport.Invariant($"{toModule:0.00}"), BenchReport.Format(Measure.Median(cpu[key]))]);
        }

        var exportToCsv = Paired(samples, "module-export", "module-csv");
        var exportToRawWrite = Paired(samples, "module-export", "raw-write");
        var moduleToRaw = Paired(samples, "module-null", "raw");
        var floorToRaw = Paired(samples, "pipeline-floor", "raw");
        // The module against both floors added up: what a pull would cost with no overlap between fetching on the
        // engine's threads and handing objects over on the pipeline thread (on 2 cores shared with the emulator).
        var moduleToFloors = Measure.Median(samples["module-null"].Zip(samples["raw"], samples["pipeline-floor"]).Select(s => s.First / (s.Second + s.Third)).ToArray());
        report.Add("pwsh.ratio.floor_raw", floorToRaw);
        report.Add("pwsh.ratio.moduleNull_rawPlusFloor", moduleToFloors);
        report.Add("pwsh.ratio.csv_export", 1 / exportToCsv);
        report.Add("pwsh.ratio.export_rawWrite", exportToRawWrite);
        report.Add("pwsh.ratio.moduleNull_raw", moduleToRaw);
        report.Add("pwsh.ratio.irm_moduleNull", Paired(samples, "irm-null", "module-null"));
        report.Add("pwsh.ratio.httpclient_moduleNull", Paired(samples, "httpclient-null", "module-null"));
        var t1 = report.Target("5a. Export-PartnerReferral / (Get-PartnerReferral piped to Export-Csv), time (at least 3x faster)", exportToCsv, 1 / 3.0);
        var t2 = report.Target("5b. Export-PartnerReferral / (raw bytes + parse + writing the same bytes)", exportToRawWrite, 1.3);
        var t3 = report.Target("5c. CPU-bound: Get-PartnerReferral piped to Out-Null in pwsh / raw bytes + parse", moduleToRaw, 1.5);
        var t4 = report.Target("5c'. Get-PartnerReferral piped to Out-Null / (raw bytes + parse, plus PowerShell passing as many ready objects to Out-Null)", moduleToFloors, 1.2);
        return BenchReport.Invariant($"A pwsh 7.6.9 child (`dotnet pwsh.dll` of the local tool, `-NoProfile`) imports the module packaged from the commit measured and connects to the same emulator with `-AccessToken`; it times each pull itself (Stopwatch, its own CPU time) and answers over standard input/output. The raw rows run in the benchmark process between the pwsh pulls of the same round. {rows:#,0} referrals, page size {pageSize:#,0}, {concurrency} pages in flight for the module and the raw limit (the loops send one request at a time, as users write them), no latency, {settings.PowerShellRepeats} interleaved round(s) after a warm-up round; medians; ratios are medians of per-round ratios.\n\n")
            + BenchReport.Table(["pull", "wall s", "rows/s", "/ raw limit", "/ module Out-Null", "its CPU s"], table)
            + BenchReport.Invariant($"\nExport-PartnerReferral is **{1 / exportToCsv:0.00}x** faster than `| Export-Csv` (target at least 3x: {Met(t1)}), **{exportToRawWrite:0.00}x** the raw bytes + parse + write floor (target at most 1.3: {Met(t2)}); `Get-PartnerReferral | Out-Null` is **{moduleToRaw:0.00}x** the raw limit (target at most 1.5: {Met(t3)}).\n\nPowerShell's own share, measured in the same rounds: handing {rows:#,0} ready objects from a cmdlet to `Out-Null` takes **{floorToRaw:0.00}x** the raw limit by itself, so `| Out-Null` cannot come under about {1 + floorToRaw:0.00}x the raw limit unless the pipeline thread's work overlaps the fetch; `Get-PartnerReferral | Out-Null` is **{moduleToFloors:0.00}x** the raw limit and that floor added together (target at most 1.2: {Met(t4)}).\n");
    }

    private static async Task<string> LatencyBoundAsync(BenchReport report, PowerShellWorker pwsh, EmulatorProcess emulator, int concurrency, TextWriter log)
    {
        var settings = report.Settings;
        var rows = settings.PowerShellLatencyRows;
        var pageSize = settings.PowerShellLatencyPageSize;
        var pages = (rows + pageSize - 1) / pageSize;
        using var pulls = new ReferralPulls(emulator.Connection, rows, pageSize, concurrency);
        await pwsh.PullAsync("module-null", Math.Min(rows, pageSize), pageSize);
        await emulator.SetLatencyAsync(settings.Latency);
        var figures = new List<(string Key, string Label, double Seconds)>();
        try
        {
            foreach (var (key, label, throttle) in new[]
            {
                ("module-null", "`Get-PartnerReferral \\| Out-Null` (default -ThrottleLimit 4)", 0),
                ("module-null-8", "`Get-PartnerReferral -ThrottleLimit 8 \\| Out-Null`", 8),
                ("module-export", "`Export-PartnerReferral -Path`", 0),
                ("irm-null", "`Invoke-RestMethod` loop `\\| Out-Null`", 0),
            })
            {
                var result = await pwsh.PullAsync(key == "module-null-8" ? "module-null" : key, rows, pageSize, throttle);
                figures.Add((key, label, result.Seconds));
                log.WriteLine(BenchReport.Invariant($"  PowerShell latency-bound {key}: {result.Seconds:0.00} s"));
            }

            var raw = await Measure.OnceAsync("raw with latency", pulls.RawBytesAsync, rows);
            figures.Add(("raw", "raw bytes, 4 in flight (benchmark process)", raw.Seconds));
        }
        finally
        {
            await emulator.SetLatencyAsync(TimeSpan.Zero);
        }

        var rawSeconds = figures.Single(f => f.Key == "raw").Seconds;
        foreach (var (key, _, seconds) in figures)
        {
            report.Add("pwsh.latency." + key + ".seconds", seconds);
            report.Add("pwsh.latency." + key + ".ratioToRaw", seconds / rawSeconds);
        }

        var bound = settings.Latency.TotalSeconds * (1 + Math.Ceiling((pages - 1) / (double)concurrency));
        report.Add("pwsh.latency.boundAt4.seconds", bound);
        return BenchReport.Invariant($"\n### Latency-bound ({settings.Latency.TotalMilliseconds:0} ms per page)\n\n{rows:#,0} referrals in {pages} pages of {pageSize:#,0}, each answered after {settings.Latency.TotalMilliseconds:0} ms; one pull each, in the same pwsh as the rounds above. The bound for 4 in flight (first page alone, then 4 at a time) is {bound:0.00} s.\n\n")
            + BenchReport.Table(["pull", "seconds", "/ raw 4 in flight"], figures.Select(f => new[] { f.Label, BenchReport.Format(f.Seconds), BenchReport.Invariant($"{f.Seconds / rawSeconds:0.00}") }));
    }

    private static async Task<string> FirstRowAsync(BenchReport report, PowerShellWorker pwsh, EmulatorProcess emulator, int concurrency)
    {
        var settings = report.Settings;
        var pageSize = settings.PageSize;
        using var pulls = new ReferralPulls(emulator.Connection, settings.PowerShellRows, pageSize, concurrency);
        var first = new List<double>();
        var one = new List<double>();
        for (var i = 0; i <= settings.PowerShellRepeats; i++)
        {
            var row = await pwsh.PullAsync("first-row", 1, pageSize);
            var request = await Measure.OnceAsync("one request", pulls.FirstPageAsync, Math.Min(pageSize, settings.PowerShellRows));
            if (i > 0)
            {
                first.Add(row.Seconds);
                one.Add(request.Seconds);
            }
        }

        var ratio = Measure.Median(first.Zip(one, (f, o) => f / o).ToArray());
        report.Add("pwsh.firstRow.seconds", Measure.Median(first));
        report.Add("pwsh.oneRequest.seconds", Measure.Median(one));
        report.Add("pwsh.ratio.firstRow_oneRequest", ratio);
        var target = report.Target(BenchReport.Invariant($"5d. First row in pwsh (Get-PartnerReferral, Select-Object -First 1) / one request of {pageSize:#,0} rows"), ratio, 1.1);
        return BenchReport.Invariant($"\n### First row\n\n`Get-PartnerReferral | Select-Object -First 1 | Out-Null` in pwsh (which also stops the pull) took **{Measure.Median(first):0.000} s**; one request of the same first page, body read whole, **{Measure.Median(one):0.000} s** (medians of {first.Count}); ratio **{ratio:0.00}** (target at most 1.1: {Met(target)}).\n");
    }

    private static async Task<string> MemoryAsync(BenchReport report, PowerShellSetup setup, EmulatorProcess emulator, TextWriter log)
    {
        var settings = report.Settings;
        var table = new List<string[]>();
        var text = string.Empty;
        foreach (var kind in MemoryPulls)
        {
            var peaks = new List<PowerShellResult>();
            foreach (var rows in settings.MemoryRows)
            {
                // A fresh pwsh per pull: the peak working set is the process's high-water mark since it started.
                await using var pwsh = await PowerShellWorker.StartAsync(setup, emulator);
                await pwsh.PullAsync(kind, 10, 10);
                var result = await pwsh.PullAsync(kind, rows, settings.PageSize);
                peaks.Add(result);
                var key = "pwsh.memory." + kind + "." + rows.ToString(CultureInfo.InvariantCulture) + ".";
                report.Add(key + "peakWorkingSetBytes", result.PeakWorkingSetBytes);
                report.Add(key + "workingSetBeforeBytes", result.WorkingSetBeforeBytes);
                report.Add(key + "seconds", result.Seconds);
                log.WriteLine(BenchReport.Invariant($"  PowerShell memory {kind} {rows:#,0}: peak {result.PeakWorkingSetBytes / 1048576.0:0.0} MiB"));
                table.Add([kind, BenchReport.Invariant($"{rows:#,0}"), MiB(result.WorkingSetBeforeBytes), MiB(result.PeakWorkingSetBytes), BenchReport.Format(result.Seconds)]);
            }

            var ratio = (double)peaks[^1].PeakWorkingSetBytes / peaks[0].PeakWorkingSetBytes;
            report.Add("pwsh.memory." + kind + ".ratio", ratio);
            var target = report.Target(BenchReport.Invariant($"5e. Memory in pwsh, {kind}: peak working set {peaks[^1].Rows:#,0} rows / {peaks[0].Rows:#,0} rows"), ratio, 1.2);
            text += BenchReport.Invariant($"{kind}: **{ratio:0.00}** ({Met(target)}). ");
        }

        return BenchReport.Invariant($"\n### Memory\n\nEach pull in a fresh pwsh (after a 10-row warm-up pull of the same kind in it); the peak is that pwsh's `Process.PeakWorkingSet64`, the working set before is taken after the warm-up and a GC.\n\n")
            + BenchReport.Table(["pull", "rows", "working set before, MiB", "peak working set, MiB", "seconds"], table)
            + "\nPeak ratio, largest / smallest size (target at most 1.2): " + text.TrimEnd() + "\n";
    }

    private static double Paired(Dictionary<string, List<double>> samples, string key, string baseline) =>
        Measure.Median(samples[key].Zip(samples[baseline], (s, b) => s / b).ToArray());

    private static string MiB(long bytes) => BenchReport.Invariant($"{bytes / 1048576.0:0.0}");

    private static string Met(TargetCheck target) => target.Met ? "met" : "**not met**";
}
