using System;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>The running figures of one group: counters, first and last created date, and (when asked) the three response times.</summary>
internal sealed class GroupAccumulator
{
    public GroupAccumulator(bool trackTimes)
    {
        if (trackTimes)
        {
            Acknowledge = new TimedStage();
            Accept = new TimedStage();
            Close = new TimedStage();
        }
    }

    public long Created { get; private set; }

    public long Acknowledged { get; private set; }

    public long Accepted { get; private set; }

    public long Won { get; private set; }

    public long Declined { get; private set; }

    public long Expired { get; private set; }

    public long Missed { get; private set; }

    public long Skipped { get; private set; }

    public long Lost { get; private set; }

    public long Archived { get; private set; }

    public DateTime? FirstCreated { get; private set; }

    public DateTime? LastCreated { get; private set; }

    public TimedStage? Acknowledge { get; }

    public TimedStage? Accept { get; }

    public TimedStage? Close { get; }

    public void Add(Referral r)
    {
        Created++;
        var acknowledged = ReferralStages.Acknowledged(r);
        var accepted = ReferralStages.Accepted(r);
        var won = ReferralStages.Won(r);
        var lost = ReferralStages.Lost(r);
        Acknowledged += acknowledged ? 1 : 0;
        Accepted += accepted ? 1 : 0;
        Won += won ? 1 : 0;
        Lost += lost ? 1 : 0;
        Declined += ReferralStages.Declined(r) ? 1 : 0;
        Expired += ReferralStages.Expired(r) ? 1 : 0;
        Missed += ReferralStages.Missed(r) ? 1 : 0;
        Skipped += ReferralStages.Skipped(r) ? 1 : 0;
        Archived += ReferralStages.Archived(r) ? 1 : 0;

        if (r.CreatedDate is { } created)
        {
            FirstCreated = FirstCreated is { } first && first <= created ? first : created;
            LastCreated = LastCreated is { } last && last >= created ? last : created;
        }

        if (acknowledged)
        {
            Acknowledge?.Add(r.CreatedDate, r.AcknowledgedDate);
        }

        if (accepted)
        {
            Accept?.Add(r.CreatedDate, r.AcceptedDate);
        }

        if (won || lost)
        {
            Close?.Add(r.AcceptedDate, r.WonDate ?? r.LostDate);
        }
    }

    public ReferralMeasure ToMeasure()
    {
        var measure = new ReferralMeasure
        {
            Created = Created,
            Acknowledged = Acknowledged,
            Accepted = Accepted,
            Won = Won,
            Declined = Declined,
            Expired = Expired,
            Missed = Missed,
            Skipped = Skipped,
            Lost = Lost,
            Archived = Archived,
            AcknowledgeRate = Rate(Acknowledged, Created),
            AcceptRate = Rate(Accepted, Acknowledged),
            WinRateOfAccepted = Rate(Won, Accepted),
            WinRate = Rate(Won, Created),
            ExpiredOrMissedRate = Rate(Expired + Missed, Created),
            FirstCreated = FirstCreated,
            LastCreated = LastCreated,
        };

        if (Acknowledge is { } ack)
        {
            var (count, median, p90, mean) = Summarize(ack.Sample);
            measure.AcknowledgeMeasured = count;
            measure.AcknowledgeMedianHours = median;
            measure.AcknowledgeP90Hours = p90;
            measure.AcknowledgeMeanHours = mean;
            measure.AcknowledgeMissingDates = ack.MissingDates;
            measure.AcknowledgeOutOfOrder = ack.OutOfOrder;
        }

        if (Accept is { } accept)
        {
            var (count, median, p90, mean) = Summarize(accept.Sample);
            measure.AcceptMeasured = count;
            measure.AcceptMedianHours = median;
            measure.AcceptP90Hours = p90;
            measure.AcceptMeanHours = mean;
            measure.AcceptMissingDates = accept.MissingDates;
            measure.AcceptOutOfOrder = accept.OutOfOrder;
        }

        if (Close is { } close)
        {
            var (count, median, p90, mean) = Summarize(close.Sample);
            measure.CloseMeasured = count;
            measure.CloseMedianHours = median;
            measure.CloseP90Hours = p90;
            measure.CloseMeanHours = mean;
            measure.CloseMissingDates = close.MissingDates;
            measure.CloseOutOfOrder = close.OutOfOrder;
        }

        measure.DateProblems = measure.AcknowledgeMissingDates + measure.AcknowledgeOutOfOrder + measure.AcceptMissingDates
            + measure.AcceptOutOfOrder + measure.CloseMissingDates + measure.CloseOutOfOrder;
        return measure;
    }

    internal static double? Rate(long part, long whole) => whole == 0 ? null : part / (double)whole;

    private static (long Count, double? Median, double? P90, double? Mean) Summarize(DurationSample sample)
    {
        var sorted = sample.Sorted();
        return (sorted.Length, DurationSample.PercentileHours(sorted, 0.5), DurationSample.PercentileHours(sorted, 0.9), sample.MeanHours);
    }
}
