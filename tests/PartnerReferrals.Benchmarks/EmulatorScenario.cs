using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Scenario 4: how fast the emulator answers a filtered query and a groupby over its whole data set. The emulator
/// caches computed results by query text, so each run asks a differently spelled but equivalent query (the
/// filter's value in another letter case, the groupby fields in another order): every run computes afresh.
/// Pages are read sequentially with a plain client, bodies not parsed beyond the total.
/// </summary>
internal static class EmulatorScenario
{
    private static readonly string[][] GroupOrders =
    [
        ["status", "customerMarket", "createdDate"], ["status", "createdDate", "customerMarket"], ["customerMarket", "status", "createdDate"],
        ["customerMarket", "createdDate", "status"], ["createdDate", "status", "customerMarket"], ["createdDate", "customerMarket", "status"],
    ];

    public static async Task RunAsync(BenchReport report, Connection connection, TextWriter log)
    {
        var settings = report.Settings;
        var dataRows = settings.EmulatorRows;
        using var pulls = new ReferralPulls(connection, dataRows, settings.PageSize, 1);

        var filterFirst = new List<double>();
        var filterTotal = new List<double>();
        long matched = 0;
        for (var i = 0; i <= settings.Repeats; i++)
        {
            var filter = "status eq '" + Spell("Accepted", i) + "'";
            var (first, total, count) = await PullAllAsync(pulls, "filter=" + Uri.EscapeDataString(filter), settings.PageSize);
            if (i > 0)
            {
                filterFirst.Add(first);
                filterTotal.Add(total);
            }

            matched = count;
        }

        var groupTotal = new List<double>();
        long groups = 0;
        for (var i = 0; i <= settings.Repeats; i++)
        {
            var query = "groupby=" + string.Join(',', GroupOrders[i % GroupOrders.Length]) + "&aggregationLevel=month";
            var (_, total, count) = await PullAllAsync(pulls, query, settings.PageSize);
            if (i > 0)
            {
                groupTotal.Add(total);
            }

            groups = count;
        }

        var scan = Measure.Median(filterFirst);
        var filtered = Measure.Median(filterTotal);
        var grouped = Measure.Median(groupTotal);
        log.WriteLine(BenchReport.Invariant($"  emulator: filter first page {scan:0.000} s, all {filtered:0.000} s; groupby {grouped:0.000} s"));
        report.Add("emulator.filter.matchedRows", matched);
        report.Add("emulator.filter.firstPage.seconds", scan);
        report.Add("emulator.filter.scannedRowsPerSecond", dataRows / scan);
        report.Add("emulator.filter.total.seconds", filtered);
        report.Add("emulator.filter.servedRowsPerSecond", matched / filtered);
        report.Add("emulator.groupby.groups", groups);
        report.Add("emulator.groupby.total.seconds", grouped);
        report.Add("emulator.groupby.inputRowsPerSecond", dataRows / grouped);

        var body = BenchReport.Invariant($"The emulator (child process) holds {dataRows:#,0} generated referrals. Median of {settings.Repeats} run(s) after one warm-up; pages of {settings.PageSize:#,0} read one after another over HTTPS, bodies not parsed.\n\n")
            + BenchReport.Table(["query", "result rows", "seconds", "rows per second"],
            [
                ["`filter=status eq 'Accepted'`, first page (the scan of every row happens here)", BenchReport.Invariant($"{Math.Min(matched, settings.PageSize):#,0}"), BenchReport.Format(scan), BenchReport.Format(dataRows / scan) + " scanned"],
                ["`filter=status eq 'Accepted'`, every page", BenchReport.Invariant($"{matched:#,0}"), BenchReport.Format(filtered), BenchReport.Format(matched / filtered) + " served"],
                ["`groupby=status,customerMarket,createdDate&aggregationLevel=month`, every page", BenchReport.Invariant($"{groups:#,0} groups"), BenchReport.Format(grouped), BenchReport.Format(dataRows / grouped) + " grouped"],
            ]);
        report.Section("4. The emulator", body);
    }

    /// <summary>The same word with the letter case of some letters flipped, one spelling per run.</summary>
    private static string Spell(string word, int variant)
    {
        var letters = word.ToCharArray();
        for (var i = 0; i < letters.Length; i++)
        {
            if ((variant >> i & 1) == 1)
            {
                letters[i] = char.IsUpper(letters[i]) ? char.ToLowerInvariant(letters[i]) : char.ToUpperInvariant(letters[i]);
            }
        }

        return new string(letters);
    }

    private static async Task<(double FirstPage, double Total, long Count)> PullAllAsync(ReferralPulls pulls, string query, int pageSize)
    {
        var watch = Stopwatch.StartNew();
        var url = "partner/v1/analytics/referrals?" + query + "&top=" + pageSize.ToString(CultureInfo.InvariantCulture);
        var body = await pulls.GetAsync(url);
        var firstPage = watch.Elapsed.TotalSeconds;
        var count = TotalCount(body);
        for (long skip = pageSize; skip < count; skip += pageSize)
        {
            await pulls.GetAsync(url + "&skip=" + skip.ToString(CultureInfo.InvariantCulture));
        }

        return (firstPage, watch.Elapsed.TotalSeconds, count);
    }

    private static long TotalCount(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("TotalCount"))
            {
                reader.Read();
                return reader.GetInt64();
            }
        }

        throw new InvalidOperationException("The page has no TotalCount.");
    }
}
