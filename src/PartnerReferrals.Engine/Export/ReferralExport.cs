using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Export;

/// <summary>
/// Export-PartnerReferral: rows go from the page parser straight into the CSV file on the engine's threads, never
/// through the PowerShell pipeline (whose per-object cost is what makes <c>| Export-Csv</c> slow). The host sees
/// only progress, verbose lines and errors.
/// </summary>
public static class ReferralExport
{
    /// <summary>Exports with the current session; returns the file and what was written to it.</summary>
    public static ReferralExportResult Export(ExportRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest((request ?? throw new ArgumentNullException(nameof(request))).Query);
        return Run(SessionStore.Require(), request, query, host, cancellationToken);
    }

    /// <summary>Exports with an explicit session (tests, or hosts that manage sessions themselves).</summary>
    public static ReferralExportResult Export(PartnerReferralsSession session, ExportRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest((request ?? throw new ArgumentNullException(nameof(request))).Query);
        return Run(session ?? throw new ArgumentNullException(nameof(session)), request, query, host, cancellationToken);
    }

    private static ReferralExportResult Run(PartnerReferralsSession session, ExportRequest request, ReferralQuery query, IEngineHost host, CancellationToken cancellationToken) =>
        OperationRun.Run(host, cancellationToken, async (output, token) =>
        {
            // The file is checked before the first request: a wrong -Path or -NoClobber costs no pull.
            using var target = CsvTarget.Prepare(request);
            var operation = session.NewOperation(output);
            var progress = new RowProgress(output, query);
            var listener = new PagingListener { TotalCount = progress.Total };
            long rows = 0;
            try
            {
                var csv = target.OpenWriter();
                if (target.NeedsHeader)
                {
                    csv.WriteHeader();
                }

                await foreach (var row in session.GetReferralsAsync(query, operation, listener, token).ConfigureAwait(false))
                {
                    csv.Write(row);
                    rows++;
                    if (progress.Row())
                    {
                        progress.Report();
                    }
                }

                target.Commit(csv);
            }
            catch (Exception ex) when (ex is PartnerReferralsException or System.IO.IOException or UnauthorizedAccessException)
            {
                throw ExportErrors.NotWritten(target.Path, target.Appending, rows, Expected(query, listener.AnnouncedTotal), ex);
            }

            progress.Done();
            output.WriteVerbose(string.Format(
                CultureInfo.InvariantCulture,
                target.Appending ? "Appended {0:N0} referrals to '{1}' (no header: the file had one)." : "Wrote {0:N0} referrals to '{1}'.",
                rows,
                target.Path));
            return new ReferralExportResult { Path = target.Path, Rows = rows, Appended = target.Appending };
        });

    private static long? Expected(ReferralQuery query, long? total)
    {
        long? expected = total is { } t ? Math.Max(0, t - query.Skip) : null;
        return query.First is { } first ? Math.Min(expected ?? first, first) : expected;
    }
}
