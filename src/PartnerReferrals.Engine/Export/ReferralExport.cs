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
    /// <summary>Exports the query of <paramref name="request"/> with <paramref name="session"/>; returns the file and what was written to it.</summary>
    public static ReferralExportResult Export(PartnerReferralsSession? session, ExportRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest((request ?? throw new ArgumentNullException(nameof(request))).Query);
        var live = SessionStore.Connected(session);
        return EngineRunner.Run(host, async (output, token) =>
        {
            // The file is checked before the first request: a wrong -Path or -NoClobber costs no pull.
            using var target = CsvTarget.Prepare(request);
            var pull = new ReferralPull(live, query, output);
            long rows = 0;
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
}
