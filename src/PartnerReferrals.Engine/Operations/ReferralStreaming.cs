using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Operations;

/// <summary>Get-PartnerReferral and the summary: rows to the host as they arrive, with progress and a verbose line per page.</summary>
internal static class ReferralStreaming
{
    private const string Activity = "Getting referrals";

    public static void Referrals(PartnerReferralsSession session, ReferralQuery query, bool includeTotalCount, IEngineHost host, CancellationToken cancellationToken) =>
        OperationRun.Run(host, cancellationToken, async (output, token) =>
        {
            var operation = session.NewOperation(output);
            var progress = new RowProgress(output, query);
            var listener = Listener(output, progress, includeTotalCount);
            await foreach (var row in session.GetReferralsAsync(query, operation, listener, token).ConfigureAwait(false))
            {
                await output.WriteObjectAsync(row, token).ConfigureAwait(false);
                progress.Row();
            }

            progress.Done();
        });

    public static void Groups(PartnerReferralsSession session, ReferralQuery query, IEngineHost host, CancellationToken cancellationToken) =>
        OperationRun.Run(host, cancellationToken, async (output, token) =>
        {
            var operation = session.NewOperation(output);
            var listener = Listener(output, null, false);
            await foreach (var row in session.GetGroupsAsync(query, operation, listener, token).ConfigureAwait(false))
            {
                await output.WriteObjectAsync(row, token).ConfigureAwait(false);
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

    /// <summary>Progress by rows written, not pages fetched: what the user sees is what has arrived.</summary>
    private sealed class RowProgress
    {
        private readonly IEngineOutput output;
        private readonly ReferralQuery query;
        private long expected = -1;
        private long rows;

        public RowProgress(IEngineOutput output, ReferralQuery query)
        {
            this.output = output;
            this.query = query;
        }

        public void Total(long total)
        {
            var available = Math.Max(0, total - query.Skip);
            Interlocked.Exchange(ref expected, query.First is { } first ? Math.Min(first, available) : available);
        }

        public void Row()
        {
            // Every 500 rows: often enough to move, rarely enough to cost nothing next to the rows themselves.
            if (++rows % 500 == 0)
            {
                Write(false);
            }
        }

        public void Done() => Write(true);

        private void Write(bool completed)
        {
            var total = Interlocked.Read(ref expected);
            var status = total >= 0
                ? string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0} referrals", rows, total)
                : string.Format(CultureInfo.InvariantCulture, "{0:N0} referrals", rows);
            var percent = total > 0 ? (int)Math.Min(100, rows * 100 / total) : -1;
            output.WriteProgress(new ProgressReport(Activity, status, completed ? 100 : percent, completed));
        }
    }
}
