using System;
using System.Globalization;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Operations;

/// <summary>Progress by rows written, not pages fetched: what the user sees is what has arrived.</summary>
internal sealed class RowProgress
{
    private readonly string activity;

    // Every 500 rows: often enough to move, rarely enough to cost nothing next to the rows themselves.
    private const int RowsPerReport = 500;

    private readonly IEngineHost output;
    private readonly long skip;
    private readonly long? first;
    private long expected = -1;
    private long rows;

    public RowProgress(IEngineHost output, ReferralQuery query)
        : this(output, query.Skip, query.First, "Getting referrals")
    {
    }

    /// <param name="output">Where reports go.</param>
    /// <param name="skip">Rows skipped, which a reported total still counts.</param>
    /// <param name="first">Most rows wanted; null for all.</param>
    /// <param name="activity">The progress bar's title.</param>
    public RowProgress(IEngineHost output, long skip, long? first, string activity)
    {
        this.output = output;
        this.skip = skip;
        this.first = first;
        this.activity = activity;
    }

    /// <summary>Rows the pull should give, once the API sent a total; null before.</summary>
    public long? Expected => Interlocked.Read(ref expected) is var total and >= 0 ? total : null;

    /// <summary>Rows counted so far.</summary>
    public long Rows => rows;

    public void Total(long total)
    {
        var available = Math.Max(0, total - skip);
        Interlocked.Exchange(ref expected, first is { } most ? Math.Min(most, available) : available);
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
        output.WriteProgress(new ProgressReport(activity, status, completed ? 100 : percent, completed));
    }
}
