using System;
using System.Globalization;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Operations;
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
    /// <summary>
    /// Exports the query of <paramref name="request"/> with <paramref name="session"/>; returns the file and what was
    /// written to it. A stop (<paramref name="cancellationToken"/>) ends it with a <see cref="StoppedException"/> that
    /// says what became of the file.
    /// </summary>
    public static ReferralExportResult Export(PartnerReferralsSession? session, ExportRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest((request ?? throw new ArgumentNullException(nameof(request))).Query);
        var live = SessionStore.Connected(session);
        // Read after a stop, once the work has ended (the runner waits for it): what the file holds then.
        CsvTarget? prepared = null;
        ReferralPull? started = null;
        long rows = 0;
        var committed = false;
        try
        {
            return EngineRunner.Run(host, async (output, token) =>
            {
                // The file is checked before the first request: a wrong -Path or -NoClobber costs no pull.
                using var target = CsvTarget.Prepare(request);
                prepared = target;
                var pull = started = new ReferralPull(live, query, output);
                try
                {
                    var csv = target.OpenWriter();
                    if (target.NeedsHeader)
                    {
                        csv.WriteHeader();
                    }

                    await pull.ForEachAsync(
                        row =>
                        {
                            csv.Write(row);
                            rows++;
                        },
                        token).ConfigureAwait(false);
                    target.Commit(csv);
                    committed = true;
                }
                catch (Exception ex) when (ex is PartnerReferralsException or System.IO.IOException or UnauthorizedAccessException)
                {
                    throw ExportErrors.NotWritten(target.Path, target.Appending, rows, pull.Expected, ex);
                }

                output.WriteVerbose(string.Format(
                    CultureInfo.InvariantCulture,
                    target.Appending ? "Appended {0:N0} referrals to '{1}' (no header: the file had one)." : "Wrote {0:N0} referrals to '{1}'.",
                    rows,
                    target.Path));
                return new ReferralExportResult { Path = target.Path, Rows = rows, Appended = target.Appending };
            }, cancellationToken);
        }
        catch (OperationCanceledException stop) when (cancellationToken.IsCancellationRequested && prepared is not null)
        {
            throw new StoppedException(ExportErrors.Stopped(prepared.Path, prepared.Appending, committed, rows, started?.Expected), stop);
        }
    }
}
