using System.Globalization;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Operations;

/// <summary>Get-PartnerReferral and the summary: rows to the host as they arrive, with progress and a verbose line per page.</summary>
internal static class ReferralStreaming
{
    public static void Referrals(PartnerReferralsSession session, ReferralQuery query, bool includeTotalCount, IEngineHost host, CancellationToken cancellationToken) =>
        OperationRun.Run(host, cancellationToken, async (output, token) =>
        {
            var operation = session.NewOperation(output);
            var progress = new RowProgress(output, query);
            var listener = Listener(output, progress, includeTotalCount);
            var written = new RowCount();
            try
            {
                await RowWriter.WriteAllAsync(session.GetReferralsAsync(query, operation, listener, token), output, progress, token, written).ConfigureAwait(false);
            }
            catch (PartnerReferralsException ex) when (written.Count > 0)
            {
                throw PartialResult.Of(ex, query, written.Count, listener.AnnouncedTotal, resumable: true);
            }

            progress.Done();
        });

    public static void Groups(PartnerReferralsSession session, ReferralQuery query, IEngineHost host, CancellationToken cancellationToken) =>
        OperationRun.Run(host, cancellationToken, async (output, token) =>
        {
            var operation = session.NewOperation(output);
            var listener = Listener(output, null, false);
            var written = new RowCount();
            try
            {
                await RowWriter.WriteAllAsync(session.GetGroupsAsync(query, operation, listener, token), output, null, token, written).ConfigureAwait(false);
            }
            catch (PartnerReferralsException ex) when (written.Count > 0)
            {
                throw PartialResult.Of(ex, query, written.Count, listener.AnnouncedTotal, resumable: false);
            }
        });

    private static PagingListener Listener(IEngineOutput output, RowProgress? progress, bool includeTotalCount) => new()
    {
        WantsTotalCount = includeTotalCount,
        TotalCount = total =>
        {
            progress?.Total(total);
            if (includeTotalCount)
            {
                output.WriteTotalCount(total);
            }
        },
        PageArrived = page => output.WriteVerbose(string.Format(
            CultureInfo.InvariantCulture,
            "Page {0}: {1} rows in {2} ms.",
            page.Skip >= 0 ? "skip=" + page.Skip + " top=" + page.Top : "from next link",
            page.Rows,
            (long)page.Elapsed.TotalMilliseconds)),
    };
}
