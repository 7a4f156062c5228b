using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Export;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Insights.Report;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// The entry points of Measure-PartnerReferral and Export-PartnerReferralReport. A query's rows are pulled page by
/// page and fed to the accumulators on the engine's thread, so no row outlives its page; piped input goes through the
/// same accumulators, fed by the cmdlet one object at a time.
/// </summary>
public static class InsightOperations
{
    /// <summary>What the header of a report over piped rows says, since there was no query.</summary>
    public const string PipelineQuery = "(referrals from the pipeline)";

    private const string InvalidPathId = "PartnerReferrals.Insights.InvalidPath";

    /// <summary>Pulls the referrals of <paramref name="request"/> and writes one <see cref="ReferralMeasure"/> per group.</summary>
    public static void Measure(PartnerReferralsSession? session, ReferralRequest request, InsightGrouping grouping, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        var accumulator = new InsightAccumulator(grouping ?? throw new ArgumentNullException(nameof(grouping)));
        var live = SessionStore.Connected(session);
        EngineRunner.Run(host, async (output, token) =>
        {
            await new ReferralPull(live, query, output).ForEachAsync(accumulator.Add, token).ConfigureAwait(false);
            await output.WriteObjectsAsync([.. accumulator.Results()], token).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Pulls the referrals of <paramref name="request"/> and writes the HTML report to <paramref name="target"/>; returns what it wrote.</summary>
    public static ReferralReportFile ExportReport(PartnerReferralsSession? session, ReferralRequest request, ReportTarget target, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        var file = Checked(target);
        var live = SessionStore.Connected(session);
        return EngineRunner.Run(host, async (output, token) =>
        {
            var collector = new ReportCollector();
            await new ReferralPull(live, query, output).ForEachAsync(collector.Add, token).ConfigureAwait(false);
            return Write(collector, file, target.Force, QueryDescription.Of(request.Filter), output);
        }, cancellationToken);
    }

    /// <summary>Writes the report of piped rows (<see cref="PipelineQuery"/> in its header).</summary>
    public static ReferralReportFile WriteReport(ReportCollector collector, ReportTarget target, IEngineHost host)
    {
        if (collector is null)
        {
            throw new ArgumentNullException(nameof(collector));
        }

        var file = Checked(target);
        return EngineRunner.Run(host, (output, _) => Task.FromResult(Write(collector, file, target.Force, PipelineQuery, output)), CancellationToken.None);
    }

    internal static IReadOnlyList<ReferralMeasure> MeasureAll(IEnumerable<Referral> rows, InsightGrouping grouping)
    {
        var accumulator = new InsightAccumulator(grouping);
        foreach (var row in rows)
        {
            accumulator.Add(row);
        }

        return accumulator.Results();
    }

    private static ReferralReportFile Write(ReportCollector collector, FileInfo file, bool force, string query, IEngineHost output)
    {
        InsightReport report;
        try
        {
            ExistingFile.AllowWrite(file.FullName, force);
            report = collector.WriteHtml(file.FullName, query, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PartnerReferralsException(
                "PartnerReferrals.Insights.WriteFailed",
                ErrorKind.InvalidOperation,
                string.Format(CultureInfo.InvariantCulture, "Could not write the report to '{0}': {1}", file.FullName, ex.Message),
                "Check that the file is not open elsewhere and that you may write to its folder, or give -Path another file.",
                file.FullName,
                ex)
            {
                ParameterName = "Path",
            };
        }

        output.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Wrote the report of {0} referrals to {1}.", collector.Rows, file.FullName));
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

    /// <summary>Checks the report's file before any request, so a typo or a file to keep costs no download.</summary>
    private static FileInfo Checked(ReportTarget target)
    {
        const string Example = "./report.html";
        var path = (target ?? throw new ArgumentNullException(nameof(target))).Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw ParameterErrors.Empty(InvalidPathId, Example);
        }

        FileInfo file;
        try
        {
            file = new FileInfo(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw ParameterErrors.NotValid(InvalidPathId, path, Example);
        }

        if (Directory.Exists(file.FullName))
        {
            throw ParameterErrors.IsFolder(InvalidPathId, path, "report.html");
        }

        if (file.Directory is not { Exists: true })
        {
            throw ParameterErrors.FolderMissing(InvalidPathId, path, file.DirectoryName ?? path);
        }

        ExistingFile.Check(file.FullName, target.NoClobber, target.Force, appending: false, canAppend: false);
        return file;
    }
}
