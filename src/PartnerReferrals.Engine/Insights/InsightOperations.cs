using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Insights.Report;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// The entry points of Measure-PartnerReferral and Export-PartnerReferralReport when they query the API: rows are
/// pulled page by page and fed to the accumulators on the worker, so no row outlives its page. Piped input goes
/// through the same accumulators, fed by the cmdlet one object at a time.
/// </summary>
public static class InsightOperations
{
    /// <summary>Pulls the referrals of <paramref name="request"/> and writes one <see cref="ReferralMeasure"/> per group.</summary>
    public static void Measure(ReferralRequest request, InsightGrouping grouping, IEngineHost host, CancellationToken cancellationToken) =>
        Measure(SessionStore.Require, request, grouping, host, cancellationToken);

    public static void Measure(PartnerReferralsSession session, ReferralRequest request, InsightGrouping grouping, IEngineHost host, CancellationToken cancellationToken) =>
        Measure(() => session, request, grouping, host, cancellationToken);

    /// <summary>Pulls the referrals of <paramref name="request"/> and writes the HTML report to <paramref name="path"/>; returns what it wrote.</summary>
    public static ReferralReportFile ExportReport(ReferralRequest request, string path, IEngineHost host, CancellationToken cancellationToken) =>
        ExportReport(SessionStore.Require, request, path, host, cancellationToken);

    public static ReferralReportFile ExportReport(PartnerReferralsSession session, ReferralRequest request, string path, IEngineHost host, CancellationToken cancellationToken) =>
        ExportReport(() => session, request, path, host, cancellationToken);

    /// <summary>Writes the report of piped rows; the query text is what the header shows.</summary>
    public static ReferralReportFile WriteReport(ReportCollector collector, string path, string query, IEngineHost host)
    {
        if (collector is null)
        {
            throw new ArgumentNullException(nameof(collector));
        }

        var file = CheckedPath(path);
        InsightReport report;
        try
        {
            report = collector.WriteHtml(file.FullName, query, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            const string Fix = "Check that the file is not open elsewhere and that you may write to its folder, or give -Path another file.";
            throw new PartnerReferralsException("PartnerReferrals.Insights.WriteFailed", ErrorKind.InvalidOperation, string.Format(CultureInfo.InvariantCulture, "Could not write the report to '{0}': {1} {2}", file.FullName, ex.Message, Fix), file.FullName, ex)
            {
                ParameterName = "Path",
                RecommendedAction = Fix,
            };
        }

        host?.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Wrote the report of {0} referrals to {1}.", collector.Rows, file.FullName));
        file.Refresh();
        return new ReferralReportFile
        {
            Path = file.FullName,
            Referrals = report.Overall.Created,
            FirstCreated = report.Overall.FirstCreated,
            LastCreated = report.Overall.LastCreated,
            Generated = report.GeneratedUtc,
            Length = file.Length,
        };
    }

    /// <summary>What the header of a report over piped rows says, since there was no query.</summary>
    public const string PipelineQuery = "(referrals from the pipeline)";

    private static void Measure(Func<PartnerReferralsSession> session, ReferralRequest request, InsightGrouping grouping, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        var accumulator = new InsightAccumulator(grouping ?? throw new ArgumentNullException(nameof(grouping)));
        Pull(session(), query, accumulator.Add, host, cancellationToken);
        foreach (var measure in accumulator.Results())
        {
            host.WriteObject(measure);
        }
    }

    private static ReferralReportFile ExportReport(Func<PartnerReferralsSession> session, ReferralRequest request, string path, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        var file = CheckedPath(path);
        var collector = new ReportCollector();
        Pull(session(), query, collector.Add, host, cancellationToken);
        return WriteReport(collector, file.FullName, QueryDescription.Of(request.Filter), host);
    }

    private static void Pull(PartnerReferralsSession session, ReferralQuery query, Action<Referral> add, IEngineHost host, CancellationToken cancellationToken) =>
        OperationRun.Run(host, cancellationToken, async (output, token) =>
        {
            var operation = session.NewOperation(output);
            var progress = new RowProgress(output, query);
            var listener = new Paging.PagingListener
            {
                TotalCount = progress.Total,
                PageArrived = page => output.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Page: {0} rows in {1} ms.", page.Rows, (long)page.Elapsed.TotalMilliseconds)),
            };
            var enumerator = session.GetReferralsAsync(query, operation, listener, token).GetAsyncEnumerator(token);
            try
            {
                while (await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    add(enumerator.Current);
                    if (progress.Row())
                    {
                        progress.Report();
                    }
                }
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }

            progress.Done();
        });

    /// <summary>Checks the report path before any request, so a typo costs no download.</summary>
    private static FileInfo CheckedPath(string path)
    {
        const string Fix = "Give -Path a file name in a folder that exists, e.g. ./report.html.";
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Invalid("-Path is empty. " + Fix, path, Fix);
        }

        FileInfo file;
        try
        {
            file = new FileInfo(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Invalid(string.Format(CultureInfo.InvariantCulture, "-Path '{0}' is not a valid file path. {1}", path, Fix), path, Fix);
        }

        if (Directory.Exists(file.FullName))
        {
            throw Invalid(string.Format(CultureInfo.InvariantCulture, "-Path '{0}' is a folder. {1}", path, Fix), path, Fix);
        }

        if (file.Directory is not { Exists: true })
        {
            throw Invalid(string.Format(CultureInfo.InvariantCulture, "-Path '{0}': the folder '{1}' does not exist. {2}", path, file.DirectoryName, Fix), path, Fix);
        }

        return file;
    }

    private static PartnerReferralsException Invalid(string message, string target, string fix) =>
        new("PartnerReferrals.Insights.InvalidPath", ErrorKind.InvalidArgument, message, target)
        {
            ParameterName = "Path",
            RecommendedAction = fix,
        };

    internal static IReadOnlyList<ReferralMeasure> MeasureAll(IEnumerable<Referral> rows, InsightGrouping grouping)
    {
        var accumulator = new InsightAccumulator(grouping);
        foreach (var row in rows)
        {
            accumulator.Add(row);
        }

        return accumulator.Results();
    }
}
