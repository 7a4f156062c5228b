using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// One pull of a query, as every command that reads referrals does it: its operation (correlation id, trace lines to
/// the host), progress by rows, a verbose line per page, the total count when asked for, and what a failure part-way
/// says about the rows that were already written.
/// </summary>
internal sealed class ReferralPull
{
    private readonly PartnerReferralsSession session;
    private readonly IEngineHost output;

    public ReferralPull(PartnerReferralsSession session, ReferralQuery query, IEngineHost output, bool includeTotalCount = false)
    {
        this.session = session;
        this.output = output;
        Query = query;
        Progress = new RowProgress(output, query);
        Listener = new PagingListener
        {
            WantsTotalCount = includeTotalCount,
            TotalCount = total =>
            {
                Progress.Total(total);
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

    public ReferralQuery Query { get; }

    public RowProgress Progress { get; }

    public PagingListener Listener { get; }

    /// <summary>The rows the pull should give: what the first page announced, less -Skip, at most -First; null while unknown.</summary>
    public long? Expected
    {
        get
        {
            long? expected = Listener.AnnouncedTotal is { } total ? Math.Max(0, total - Query.Skip) : null;
            return Query.First is { } first ? Math.Min(expected ?? first, first) : expected;
        }
    }

    public IAsyncEnumerable<Referral> Referrals(CancellationToken cancellationToken) =>
        session.GetReferralsAsync(Query, session.NewOperation(output), Listener, cancellationToken);

    public IAsyncEnumerable<ReferralGroup> Groups(CancellationToken cancellationToken) =>
        session.GetGroupsAsync(Query, session.NewOperation(output), Listener, cancellationToken);

    /// <summary>Hands every referral to <paramref name="each"/> on the engine's thread, as it arrives: no row outlives its page.</summary>
    public async Task ForEachAsync(Action<Referral> each, CancellationToken cancellationToken)
    {
        await foreach (var row in Referrals(cancellationToken).ConfigureAwait(false))
        {
            each(row);
            if (Progress.Row())
            {
                Progress.Report();
            }
        }

        Progress.Done();
    }

    /// <summary>The failure, restated for a pull that wrote <paramref name="written"/> rows before it (see <see cref="PartialResult"/>).</summary>
    public PartnerReferralsException Incomplete(PartnerReferralsException failure, long written, bool resumable) =>
        PartialResult.Of(failure, Query, written, Expected, resumable);
}
