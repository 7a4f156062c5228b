using System.Diagnostics;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Scenario 2, latency-bound: every request waits <see cref="BenchSettings.Latency"/> in the emulator. The engine's
/// pull is compared with the sequential bound (pages x latency) and with the bound for its concurrency (the first
/// page alone, which tells the total, then the rest <c>concurrency</c> at a time); its first row with one request.
/// </summary>
internal static class LatencyScenario
{
    public static async Task RunAsync(BenchReport report, EmulatorProcess emulator, int concurrency, TextWriter log)
    {
        var settings = report.Settings;
        var rows = settings.LatencyRows;
        var pageSize = settings.PageSize;
        var pages = (rows + pageSize - 1) / pageSize;
        var latency = settings.Latency.TotalSeconds;
        using var pulls = new ReferralPulls(emulator.Connection, rows, pageSize, concurrency);

        // The CPU floor of the same pull, for reading the latency figures against.
        await emulator.SetLatencyAsync(TimeSpan.Zero);
        var floor = await Measure.RepeatAsync("engine pull without latency", pulls.EngineStreamAsync, rows, settings.Repeats);

        await emulator.SetLatencyAsync(settings.Latency);
        try
        {
            var oneRequest = await Measure.RepeatAsync("one request", () => pulls.FirstPageAsync(), pageSize, settings.Repeats);
            await PullAsync(pulls, rows, pageSize);
            var firstRows = new List<double>();
            var totals = new List<double>();
            var inFlight = new List<double>();
            var pageSeconds = new List<double>();
            for (var i = 0; i < settings.Repeats; i++)
            {
                var run = await PullAsync(pulls, rows, pageSize);
                firstRows.Add(run.FirstRow);
                totals.Add(run.Total);
                inFlight.Add(run.PageSeconds.Sum() / run.Total);
                pageSeconds.Add(Measure.Median(run.PageSeconds));
            }

            // The baselines under the same latency: what the rig itself (emulator and TLS on the same 2 cores) allows.
            var rawPull = await Measure.RepeatAsync("raw bytes with latency", pulls.RawBytesAsync, rows, settings.Repeats);
            var parsePull = await Measure.RepeatAsync("bytes + parse with latency", pulls.RawBytesAndJsonReaderAsync, rows, settings.Repeats);
            report.Add("latency.baselineA.total.seconds", rawPull.Seconds);
            report.Add("latency.baselineB.total.seconds", parsePull.Seconds);

            // The same pull with twice the concurrency: how much of the gap a larger default would close.
            using var doubled = new ReferralPulls(emulator.Connection, rows, pageSize, concurrency * 2);
            await PullAsync(doubled, rows, pageSize);
            var doubledTotals = new List<double>();
            for (var i = 0; i < settings.Repeats; i++)
            {
                doubledTotals.Add((await PullAsync(doubled, rows, pageSize)).Total);
            }

            var doubledTotal = Measure.Median(doubledTotals);
            var doubledBound = (1 + Math.Ceiling((pages - 1) / (double)(concurrency * 2))) * latency;
            report.Add("latency.doubledConcurrency.total.seconds", doubledTotal);
            report.Add("latency.doubledConcurrency.bound.seconds", doubledBound);

            var firstRow = Measure.Median(firstRows);
            var totalTime = Measure.Median(totals);
            var sequential = pages * latency;
            var concurrent = (1 + Math.Ceiling((pages - 1) / (double)concurrency)) * latency;
            log.WriteLine(BenchReport.Invariant($"  latency pull: {totalTime:0.000} s, first row {firstRow:0.000} s, one request {oneRequest.Seconds:0.000} s"));

            report.Add("latency.pages", pages);
            report.Add("latency.concurrency", concurrency);
            report.Add("latency.oneRequest.seconds", oneRequest.Seconds);
            report.Add("latency.firstRow.seconds", firstRow);
            report.Add("latency.total.seconds", totalTime);
            report.Add("latency.noLatency.seconds", floor.Seconds);
            report.Add("latency.bound.sequential.seconds", sequential);
            report.Add("latency.bound.concurrent.seconds", concurrent);
            report.Add("latency.ratio.total_sequential", totalTime / sequential);
            report.Add("latency.ratio.engine_baselineB", totalTime / parsePull.Seconds);
            report.Add("latency.meanPagesInFlight", Measure.Median(inFlight));
            report.Add("latency.pageFetchAndParse.seconds", Measure.Median(pageSeconds));
            var total = report.Target(BenchReport.Invariant($"2. Latency-bound: total / bound for concurrency {concurrency}"), totalTime / concurrent, 1.3);
            var first = report.Target("2. Latency-bound: time to first row / one request", firstRow / oneRequest.Seconds, 1.1);
            report.Add("latency.ratio.total_concurrent", total.Measured);
            report.Add("latency.ratio.firstRow_oneRequest", first.Measured);

            var body = BenchReport.Invariant($"{rows:#,0} referrals at page size {pageSize:#,0} ({pages} requests), {latency * 1000:0} ms added by the emulator to every request, the engine's default concurrency of {concurrency}. One warm-up pull, then the median of {settings.Repeats} pull(s). \"One request\" is a plain HttpClient GET of the first page (top={pageSize}) with the same latency, body read whole.\n\n")
                + BenchReport.Table(["figure", "seconds", "ratio"],
                [
                    ["engine pull, total", BenchReport.Format(totalTime), string.Empty],
                    ["baseline (a) raw bytes, same paging, total", BenchReport.Format(rawPull.Seconds), BenchReport.Invariant($"{rawPull.Seconds / concurrent:0.00} x the bound; engine / (a) = {totalTime / rawPull.Seconds:0.00}")],
                    ["baseline (b) bytes + Utf8JsonReader, same paging, total", BenchReport.Format(parsePull.Seconds), BenchReport.Invariant($"{parsePull.Seconds / concurrent:0.00} x the bound; engine / (b) = {totalTime / parsePull.Seconds:0.00}")],
                    ["sequential bound (pages x latency)", BenchReport.Format(sequential), BenchReport.Invariant($"total / bound = {totalTime / sequential:0.00}")],
                    [BenchReport.Invariant($"bound for concurrency {concurrency} ((1 + ceil((pages - 1) / {concurrency})) x latency)"), BenchReport.Format(concurrent), BenchReport.Invariant($"total / bound = **{total.Measured:0.00}** (target at most 1.3: {(total.Met ? "met" : "**not met**")})")],
                    ["the same pull without latency (CPU floor)", BenchReport.Format(floor.Seconds), string.Empty],
                    ["engine, time to first row", BenchReport.Format(firstRow), string.Empty],
                    ["one request", BenchReport.Format(oneRequest.Seconds), BenchReport.Invariant($"first row / one request = **{first.Measured:0.00}** (target at most 1.1: {(first.Met ? "met" : "**not met**")})")],
                    [BenchReport.Invariant($"engine pull with MaxConcurrency {concurrency * 2} (not the default), total"), BenchReport.Format(doubledTotal), BenchReport.Invariant($"{doubledTotal / concurrent:0.00} x the bound for {concurrency}; {doubledTotal / doubledBound:0.00} x its own bound of {doubledBound:0.00} s")],
                    ["engine, median time from a page's request to its parsed rows", BenchReport.Format(Measure.Median(pageSeconds)), BenchReport.Invariant($"{Measure.Median(pageSeconds) / latency:0.00} x latency")],
                    ["engine, pages in flight on average (sum of page times / total)", BenchReport.Invariant($"{Measure.Median(inFlight):0.00}"), BenchReport.Invariant($"of {concurrency} allowed")],
                ]);
            report.Section("2. Latency-bound pull", body);
        }
        finally
        {
            await emulator.SetLatencyAsync(TimeSpan.Zero);
        }
    }

    private static async Task<(double FirstRow, double Total, List<double> PageSeconds)> PullAsync(ReferralPulls pulls, long rows, int pageSize)
    {
        var session = pulls.Session;
        var query = ReferralQuery.Create(null, null, null, pageSize, 0, rows);
        var pageSeconds = new List<double>();
        var listener = new PagingListener
        {
            PageArrived = page =>
            {
                lock (pageSeconds)
                {
                    pageSeconds.Add(page.Elapsed.TotalSeconds);
                }
            },
        };
        var watch = Stopwatch.StartNew();
        double firstRow = -1;
        long seen = 0;
        await foreach (var row in session.GetReferralsAsync(query, session.NewOperation(null), listener))
        {
            if (seen++ == 0)
            {
                firstRow = watch.Elapsed.TotalSeconds;
            }

            _ = row;
        }

        var total = watch.Elapsed.TotalSeconds;
        Measure.Check("latency pull", seen, rows);
        return (firstRow, total, pageSeconds);
    }
}
