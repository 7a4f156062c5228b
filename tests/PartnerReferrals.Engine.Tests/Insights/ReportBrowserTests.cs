using System.Globalization;
using System.Text.Json;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Insights.Report;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Insights.Browser;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Insights;

/// <summary>
/// The report as a person sees it: opened in a real headless Chromium, every chart counted mark by mark against
/// Measure-PartnerReferral's computation on the same rows (and that computation against LINQ over the rows), no
/// network request, no console error, in light, dark and print; screenshots land in artifacts/test-results/insights.
/// </summary>
public class ReportBrowserTests
{
    // The header says the query in words, from the request's filter parts; a raw -Filter is shown as given, labelled.
    private const string QueryText = "Created on or after 1 Nov 2023; -Filter as given: customerMarket ne 'ZZ'";

    private static readonly double[] BinEdges = [0, 1, 4, 12, 24, 48, 96, 168, 336, 672, 2160, double.PositiveInfinity];

    // What the page shows, read in the page: charts and their marks, figures with their values and visible text.
    private const string ReadPage = """
        JSON.stringify({
          charts: [...document.querySelectorAll('svg.chart')].map(s => {
            const box = s.getBoundingClientRect();
            return { chart: s.dataset.chart, width: box.width, height: box.height,
              marks: [...s.querySelectorAll('rect.mark')].map(m => { const b = m.getBoundingClientRect();
                return { key: m.dataset.key ?? null, month: m.dataset.month ?? null, status: m.dataset.status ?? null,
                  measure: m.dataset.measure ?? null, value: m.dataset.value, title: m.querySelector('title')?.textContent ?? null,
                  width: b.width, height: b.height }; }),
              // Text drawn outside the chart's box is clipped: a label too long for its column.
              clipped: [...s.querySelectorAll('text')].filter(t => { const b = t.getBoundingClientRect();
                return b.width > 0 && (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5); })
                .map(t => t.textContent) };
          }),
          figures: [...document.querySelectorAll('[data-figure]')].map(e => ({ figure: e.dataset.figure,
            value: e.dataset.value ?? null, datetime: e.getAttribute('datetime'), text: e.textContent.trim() })),
          scripts: document.scripts.length,
          background: getComputedStyle(document.body).backgroundColor,
          color: getComputedStyle(document.body).color
        })
        """;

    [Fact]
    public async Task The_report_draws_one_mark_per_datum_matching_Measure_with_no_request_and_no_console_error()
    {
        var (rows, path, generated) = WriteReport("report.html");
        var folder = Path.GetDirectoryName(path)!;

        // Measure-PartnerReferral's computation on the same rows, itself checked against LINQ over the rows.
        var overall = Assert.Single(InsightOperations.MeasureAll(rows, InsightGrouping.None));
        IndependentFigures.AssertEqual(IndependentFigures.Of(rows), overall, "(all)");
        var monthly = InsightOperations.MeasureAll(rows, InsightGrouping.Parse(["createdMonth", "status"])).Where(m => m.CreatedPeriod.HasValue).ToList();
        var markets = InsightOperations.MeasureAll(rows, InsightGrouping.Parse(["customerMarket"]));
        var sizes = InsightOperations.MeasureAll(rows, InsightGrouping.Parse(["customerOrgSize"]));
        var monthsWithStatus = rows.Where(r => r.CreatedDate.HasValue)
            .Select(r => (r.CreatedDate!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture), (r.Status ?? "").ToUpperInvariant())).Distinct().Count();
        Assert.Equal(monthsWithStatus, monthly.Count);

        using var chromium = HeadlessChromium.Start();
        await using var devtools = await DevToolsSession.ConnectAsync(chromium.BrowserSocket);
        var (page, url) = await OpenAsync(devtools, path, width: 1280);

        var light = await ReadAsync(devtools, page);
        Assert.Equal(0, light.GetProperty("scripts").GetInt32());
        var charts = light.GetProperty("charts").EnumerateArray().ToDictionary(c => c.GetProperty("chart").GetString()!);
        Assert.Equal(["final-status", "funnel", "hist-accept", "hist-acknowledge", "hist-close", "monthly", "top-markets", "top-orgsizes"], charts.Keys.Order(StringComparer.Ordinal));
        Assert.All(charts.Values, c => Assert.True(c.GetProperty("width").GetDouble() > 200 && c.GetProperty("height").GetDouble() > 50, "chart not laid out: " + c));
        Assert.All(charts.Values, c => Assert.True(c.GetProperty("clipped").GetArrayLength() == 0, c.GetProperty("chart") + ": text outside the chart: " + c.GetProperty("clipped")));

        CheckMonthly(charts["monthly"], monthly);
        // The funnel counts stages reached (an archived win has reached Won), and its labels say so.
        CheckBars(charts["funnel"], [("Created", overall.Created), ("Reached Acknowledged", overall.Acknowledged), ("Reached Accepted", overall.Accepted), ("Reached Won", overall.Won)]);
        CheckFinalStatus(charts["final-status"], rows);
        CheckHistogram(charts["hist-acknowledge"], Hours(rows, r => Reached(r, r.AcknowledgedDate, "Acknowledged"), r => (r.CreatedDate, r.AcknowledgedDate)), overall.AcknowledgeMeasured);
        CheckHistogram(charts["hist-accept"], Hours(rows, r => Reached(r, r.AcceptedDate, "Accepted"), r => (r.CreatedDate, r.AcceptedDate)), overall.AcceptMeasured);
        CheckHistogram(charts["hist-close"], Hours(rows, r => Reached(r, r.WonDate, "Won") || Reached(r, r.LostDate, "Lost"), r => (r.AcceptedDate, r.WonDate ?? r.LostDate)), overall.CloseMeasured);
        CheckTop(charts["top-markets"], markets, m => m.CustomerMarket);
        CheckTop(charts["top-orgsizes"], sizes, m => m.CustomerOrgSize);
        CheckFigures(light.GetProperty("figures"), overall, generated);

        await ScreenshotAsync(devtools, page, Path.Combine(folder, "report-light.png"));
        await devtools.SendAsync("Emulation.setEmulatedMedia", new { media = "", features = new[] { new { name = "prefers-color-scheme", value = "dark" } } }, page);
        var dark = await ReadAsync(devtools, page);
        await ScreenshotAsync(devtools, page, Path.Combine(folder, "report-dark.png"));
        await devtools.SendAsync("Emulation.setEmulatedMedia", new { media = "print", features = new[] { new { name = "prefers-color-scheme", value = "dark" } } }, page);
        var print = await ReadAsync(devtools, page);

        // Light text on a dark page, dark on a light one, and black on white in print whatever the theme.
        Assert.True(Luminance(light.GetProperty("background").GetString()!) > 0.8 && Luminance(light.GetProperty("color").GetString()!) < 0.3, "light theme: " + light.GetProperty("background"));
        Assert.True(Luminance(dark.GetProperty("background").GetString()!) < 0.2 && Luminance(dark.GetProperty("color").GetString()!) > 0.7, "dark theme: " + dark.GetProperty("background"));
        Assert.Equal("rgb(255, 255, 255)", print.GetProperty("background").GetString());
        Assert.Equal("rgb(0, 0, 0)", print.GetProperty("color").GetString());

        var requests = devtools.Events.Where(e => e.Method == "Network.requestWillBeSent")
            .Select(e => e.Params.GetProperty("request").GetProperty("url").GetString()!).ToList();
        Assert.Equal([url], requests.Distinct());
        var errors = devtools.Events
            .Where(e => e.Method == "Runtime.exceptionThrown"
                || (e.Method == "Runtime.consoleAPICalled" && e.Params.GetProperty("type").GetString() is "error" or "assert" or "warning")
                || (e.Method == "Log.entryAdded" && e.Params.GetProperty("entry").GetProperty("level").GetString() is "error" or "warning"))
            .Select(e => e.Method + " " + e.Params.GetRawText()).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task At_420_px_wide_nothing_overflows_the_page_and_no_chart_text_is_cut()
    {
        var (_, path, _) = WriteReport("report-narrow.html");
        using var chromium = HeadlessChromium.Start();
        await using var devtools = await DevToolsSession.ConnectAsync(chromium.BrowserSocket);
        var (page, _) = await OpenAsync(devtools, path, width: 420);

        var result = await devtools.SendAsync("Runtime.evaluate", new { expression = ReadOverflow, returnByValue = true }, page);
        var layout = JsonDocument.Parse(result.GetProperty("result").GetProperty("value").GetString()!).RootElement;
        await ScreenshotAsync(devtools, page, Path.Combine(Path.GetDirectoryName(path)!, "report-420.png"));
        Assert.Equal(420, layout.GetProperty("viewport").GetInt32());
        Assert.True(layout.GetProperty("over").GetArrayLength() == 0, "wider than the page or than their own box at 420 px: " + layout.GetProperty("over"));
        Assert.Equal(layout.GetProperty("width").GetInt32(), layout.GetProperty("scrollWidth").GetInt32());

        var charts = (await ReadAsync(devtools, page)).GetProperty("charts").EnumerateArray().ToList();
        Assert.All(charts, c => Assert.True(c.GetProperty("clipped").GetArrayLength() == 0, c.GetProperty("chart") + ": text outside the chart: " + c.GetProperty("clipped")));
    }

    // Every HTML element whose box passes the page's right edge, or whose content is wider than its own box.
    private const string ReadOverflow = """
        JSON.stringify((() => {
          const page = document.documentElement, limit = page.clientWidth;
          const over = [...document.body.querySelectorAll('*')]
            .filter(e => !(e instanceof SVGElement) || e instanceof SVGSVGElement)
            .filter(e => { const b = e.getBoundingClientRect(); return b.right > limit + 0.5 || b.left < -0.5 || e.scrollWidth > e.clientWidth + 1; })
            .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className : '')
              + ' right ' + Math.round(e.getBoundingClientRect().right) + ', content ' + e.scrollWidth + ' in ' + e.clientWidth);
          return { viewport: innerWidth, width: limit, scrollWidth: page.scrollWidth, over };
        })())
        """;

    /// <summary>The report of the held-out rows, written under artifacts/test-results/insights.</summary>
    private static (List<Referral> Rows, string Path, DateTime Generated) WriteReport(string name)
    {
        var rows = HeldOutReferrals.Create(3000, seed: 13);
        var folder = RepoPaths.Combine("artifacts", "test-results", "insights");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var collector = new ReportCollector();
        rows.ForEach(collector.Add);
        var generated = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        var filter = new ReferralFilter { After = new DateTime(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc), RawFilter = "customerMarket ne 'ZZ'" };
        collector.WriteHtml(path, QueryDescription.Of(filter), generated);
        return (rows, path, generated);
    }

    /// <summary>A new page of <paramref name="width"/> CSS pixels with the report loaded; network, console and log events recorded.</summary>
    private static async Task<(string? Page, string Url)> OpenAsync(DevToolsSession devtools, string path, int width)
    {
        var target = (await devtools.SendAsync("Target.createTarget", new { url = "about:blank" })).GetProperty("targetId").GetString();
        var page = (await devtools.SendAsync("Target.attachToTarget", new { targetId = target, flatten = true })).GetProperty("sessionId").GetString();
        foreach (var domain in new[] { "Network.enable", "Runtime.enable", "Log.enable", "Page.enable" })
        {
            await devtools.SendAsync(domain, null, page);
        }

        await devtools.SendAsync("Emulation.setDeviceMetricsOverride", new { width, height = 900, deviceScaleFactor = 1, mobile = false }, page);
        var url = new Uri(path).AbsoluteUri;
        await devtools.SendAsync("Page.navigate", new { url }, page);
        await devtools.WaitForEventAsync("Page.loadEventFired");
        return (page, url);
    }

    private static async Task<JsonElement> ReadAsync(DevToolsSession devtools, string? page)
    {
        var result = await devtools.SendAsync("Runtime.evaluate", new { expression = ReadPage, returnByValue = true }, page);
        return JsonDocument.Parse(result.GetProperty("result").GetProperty("value").GetString()!).RootElement.Clone();
    }

    private static async Task ScreenshotAsync(DevToolsSession devtools, string? page, string file)
    {
        var metrics = await devtools.SendAsync("Page.getLayoutMetrics", null, page);
        var size = metrics.GetProperty("cssContentSize");
        var clip = new { x = 0, y = 0, width = size.GetProperty("width").GetDouble(), height = size.GetProperty("height").GetDouble(), scale = 1 };
        var shot = await devtools.SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true, clip }, page);
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
        Assert.True(new FileInfo(file).Length > 10_000, "screenshot too small to hold the report: " + file);
    }

    private static List<JsonElement> Marks(JsonElement chart) => chart.GetProperty("marks").EnumerateArray().ToList();

    private static long Long(JsonElement mark) => long.Parse(mark.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);

    private static void Visible(JsonElement mark, bool nonZero)
    {
        if (nonZero)
        {
            Assert.True(mark.GetProperty("width").GetDouble() > 0 && mark.GetProperty("height").GetDouble() > 0, "mark not drawn: " + mark);
        }
    }

    private static void CheckMonthly(JsonElement chart, List<ReferralMeasure> monthly)
    {
        var marks = Marks(chart);
        Assert.Equal(monthly.Count, marks.Count);
        var totals = monthly.GroupBy(m => m.CreatedPeriod!.Value).ToDictionary(g => g.Key, g => g.Sum(m => m.Created));
        foreach (var measure in monthly)
        {
            var period = measure.CreatedPeriod!.Value;
            var month = period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var mark = Assert.Single(marks, m => m.GetProperty("month").GetString() == month && string.Equals(m.GetProperty("status").GetString(), measure.Status, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(measure.Created, Long(mark));
            // What hovering the bar shows: its status, its count, and the month in words with the month's total.
            var title = string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} of {2:N0} created in {3:MMMM yyyy}", measure.Status, measure.Created, totals[period], period);
            Assert.Equal(title, mark.GetProperty("title").GetString());
            Visible(mark, true);
        }
    }

    /// <summary>Each referral once, by its status field, grouped ignoring case (as Measure -GroupBy status), in lifecycle order.</summary>
    private static void CheckFinalStatus(JsonElement chart, List<Referral> rows)
    {
        string[] lifecycle = ["Created", "Acknowledged", "Accepted", "Won", "Lost", "Declined", "Expired", "Missed", "Skipped", "Archived"];
        var expected = rows.GroupBy(r => r.Status ?? "(none)", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.OrdinalIgnoreCase);
        var marks = Marks(chart);
        Assert.Equal(rows.Count, marks.Sum(Long));
        Assert.Equal(lifecycle.Where(expected.ContainsKey), marks.Select(m => m.GetProperty("key").GetString()!), StringComparer.OrdinalIgnoreCase);
        foreach (var mark in marks)
        {
            var status = mark.GetProperty("key").GetString()!;
            Assert.Equal(expected[status], Long(mark));
            var share = (expected[status] * 100.0 / rows.Count).ToString("0.0", CultureInfo.InvariantCulture);
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} ({2}% of {3:N0})", status, expected[status], share, rows.Count), mark.GetProperty("title").GetString());
            Visible(mark, true);
        }
    }

    private static void CheckBars(JsonElement chart, (string Key, long Value)[] expected)
    {
        var marks = Marks(chart);
        Assert.Equal(expected.Select(e => e.Key), marks.Select(m => m.GetProperty("key").GetString()));
        Assert.Equal(expected.Select(e => e.Value), marks.Select(Long));
        marks.ForEach(m => Visible(m, Long(m) > 0));
    }

    private static void CheckHistogram(JsonElement chart, double[] hours, long measured)
    {
        var expected = Enumerable.Range(0, BinEdges.Length - 1)
            .Select(i => hours.LongCount(h => h >= BinEdges[i] && h < BinEdges[i + 1]))
            .Where(count => count > 0)
            .ToList();
        var marks = Marks(chart);
        Assert.Equal(expected, marks.Select(Long));
        Assert.Equal(measured, marks.Sum(Long));
        Assert.Equal(measured, hours.Length);
        marks.ForEach(m => Visible(m, true));
    }

    private static void CheckTop(JsonElement chart, IReadOnlyList<ReferralMeasure> groups, Func<ReferralMeasure, string?> key)
    {
        var top = groups.OrderByDescending(g => g.Created).ThenBy(g => key(g) ?? "", StringComparer.OrdinalIgnoreCase).Take(10).ToList();
        var marks = Marks(chart);
        Assert.Equal(top.Count * 2, marks.Count);
        var volume = marks.Where(m => m.GetProperty("measure").GetString() == "Created").ToList();
        var rate = marks.Where(m => m.GetProperty("measure").GetString() == "WinRate").ToList();
        Assert.Equal(top.Select(g => key(g) ?? "(none)"), volume.Select(m => m.GetProperty("key").GetString()));
        Assert.Equal(top.Select(g => g.Created), volume.Select(Long));
        Assert.Equal(top.Select(g => g.WinRate!.Value), rate.Select(m => double.Parse(m.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)));
        volume.ForEach(m => Visible(m, true));
    }

    private static void CheckFigures(JsonElement figures, ReferralMeasure overall, DateTime generated)
    {
        var shown = figures.EnumerateArray().ToDictionary(f => f.GetProperty("figure").GetString()!);
        string[] expectedFigures =
        [
            "Created", "AcknowledgeRate", "AcceptRate", "WinRateOfAccepted", "WinRate", "ExpiredOrMissedRate",
            .. new[] { "Acknowledge", "Accept", "Close" }.SelectMany(p => new[] { "Measured", "MedianHours", "P90Hours", "MeanHours", "MissingDates", "OutOfOrder" }.Select(s => p + s)),
            "FirstCreated", "LastCreated", "Generated", "Query",
        ];
        Assert.Equal(expectedFigures.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(QueryText, shown["Query"].GetProperty("text").GetString());
        Assert.Equal(generated, DateTime.Parse(shown["Generated"].GetProperty("datetime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        Assert.Equal(overall.FirstCreated!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), shown["FirstCreated"].GetProperty("text").GetString());
        Assert.Equal(overall.LastCreated!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), shown["LastCreated"].GetProperty("text").GetString());

        foreach (var name in expectedFigures.Take(24))
        {
            var expected = Convert.ToDouble(typeof(ReferralMeasure).GetProperty(name)!.GetValue(overall), CultureInfo.InvariantCulture);
            var figure = shown[name];
            Assert.Equal(expected, double.Parse(figure.GetProperty("value").GetString()!, CultureInfo.InvariantCulture));
            var (value, tolerance) = ParseShown(figure.GetProperty("text").GetString()!);
            Assert.True(Math.Abs(value - expected) <= tolerance, $"{name}: the page shows '{figure.GetProperty("text")}', the figure is {expected}");
        }
    }

    /// <summary>A figure as printed ("1,234", "45.6%", "12.3 h", "4.5 d") and how far rounding may move it.</summary>
    private static (double Value, double Tolerance) ParseShown(string text)
    {
        if (text.EndsWith('%'))
        {
            return (double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture) / 100, 0.0005 + 1e-12);
        }

        if (text.EndsWith(" h", StringComparison.Ordinal))
        {
            return (double.Parse(text[..^2], CultureInfo.InvariantCulture), 0.05 + 1e-9);
        }

        if (text.EndsWith(" d", StringComparison.Ordinal))
        {
            return (double.Parse(text[..^2], CultureInfo.InvariantCulture) * 24, (0.05 * 24) + 1e-9);
        }

        return (long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 0);
    }

    private static bool Reached(Referral r, DateTime? date, string stage) => date.HasValue || string.Equals(r.Status, stage, StringComparison.OrdinalIgnoreCase);

    private static double[] Hours(List<Referral> rows, Func<Referral, bool> reached, Func<Referral, (DateTime? From, DateTime? To)> dates) =>
        rows.Where(reached).Select(dates).Where(d => d.From.HasValue && d.To.HasValue && d.To >= d.From).Select(d => (d.To!.Value - d.From!.Value).TotalHours).ToArray();

    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture) / 255).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }
}
