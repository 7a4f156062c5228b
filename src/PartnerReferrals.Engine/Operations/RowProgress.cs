using System;
using System.Globalization;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Operations;

/// <summary>Progress by rows written, not pages fetched: what the user sees is what has arrived.</summary>
internal sealed class RowProgress
{
    private const string Activity = "Getting referrals";

    // Every 500 rows: often enough to move, rarely enough to cost nothing next to the rows themselves.
    private const int RowsPerReport = 500;

    private readonly IEngineHost output;
    private readonly ReferralQuery query;
    private long expected = -1;
    private long rows;

    public RowProgress(IEngineHost output, ReferralQuery query)
    {
        this.output = output;
        this.query = query;
    }

    public void Total(long total)
    {
        var available = Math.Max(0, total - query.Skip);
        Interlocked.Exchange(ref expected, query.First is { } first ? Math.Min(first, available) : available);
    }

    /// <summary>Counts a row; true when a report is due, which the caller writes after the rows before it.</summary>
    public bool Row() => ++rows % RowsPerReport == 0;

    public void Report() => Write(false);

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
