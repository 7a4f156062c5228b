using System;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// One response time (e.g. created to acknowledged) over a group: the rows it could be measured on, and those
/// that reached the stage but whose dates are missing or out of order, which are counted, never averaged.
/// </summary>
internal sealed class TimedStage
{
    public DurationSample Sample { get; } = new();

    public long MissingDates { get; private set; }

    public long OutOfOrder { get; private set; }

    public void Add(DateTime? start, DateTime? end)
    {
        if (start is not { } from || end is not { } to)
        {
            MissingDates++;
        }
        else if (to < from)
        {
            OutOfOrder++;
        }
        else
        {
            Sample.Add(to - from);
        }
    }
}
