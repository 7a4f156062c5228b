using System;
using System.Linq;
using System.Reflection;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>The running figures of one group: the stages reached, first and last created date, and (when asked) the three response times.</summary>
internal sealed class GroupAccumulator
{
    /// <summary>
    /// The stages, one per lifecycle date of the catalogue after the created one (acknowledgedDate: Acknowledged), each
    /// counted into the <see cref="ReferralMeasure"/> property of its name. A stage counts when its date is set or the
    /// status names it: the status alone is the last stage (an archived win keeps its wonDate), and a date alone may be
    /// missing from a hand-edited CSV.
    /// </summary>
    private static readonly (ReferralField Date, string Name, PropertyInfo Count)[] Stages =
        [.. ReferralFields.DateFields.Where(f => f != ReferralFields.CreatedDate).Select(f => StageOf(f, f.Property.Substring(0, f.Property.Length - "Date".Length)))];

    private static readonly int Acknowledged = IndexOf("Acknowledged");
    private static readonly int Accepted = IndexOf("Accepted");
    private static readonly int Won = IndexOf("Won");
    private static readonly int Lost = IndexOf("Lost");

    private readonly long[] reached = new long[Stages.Length];

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

    public DateTime? FirstCreated { get; private set; }

    public DateTime? LastCreated { get; private set; }

    public TimedStage? Acknowledge { get; }

    public TimedStage? Accept { get; }

    public TimedStage? Close { get; }

    public void Add(Referral r)
    {
        Created++;
        var mask = 0;
        for (var i = 0; i < Stages.Length; i++)
        {
            if (Stages[i].Date.DateOf(r).HasValue || string.Equals(Stages[i].Name, r.Status, StringComparison.OrdinalIgnoreCase))
            {
                reached[i]++;
                mask |= 1 << i;
            }
        }

        if (r.CreatedDate is { } created)
        {
            FirstCreated = FirstCreated is { } first && first <= created ? first : created;
            LastCreated = LastCreated is { } last && last >= created ? last : created;
        }

        if ((mask & (1 << Acknowledged)) != 0)
        {
            Acknowledge?.Add(r.CreatedDate, r.AcknowledgedDate);
        }

        if ((mask & (1 << Accepted)) != 0)
        {
            Accept?.Add(r.CreatedDate, r.AcceptedDate);
        }

        if ((mask & ((1 << Won) | (1 << Lost))) != 0)
        {
            Close?.Add(r.AcceptedDate, r.WonDate ?? r.LostDate);
        }
    }

    public ReferralMeasure ToMeasure()
    {
        var m = new ReferralMeasure { Created = Created, FirstCreated = FirstCreated, LastCreated = LastCreated };
        for (var i = 0; i < Stages.Length; i++)
        {
            Stages[i].Count.SetValue(m, reached[i]);
        }

        m.AcknowledgeRate = Rate(m.Acknowledged, m.Created);
        m.AcceptRate = Rate(m.Accepted, m.Acknowledged);
        m.WinRateOfAccepted = Rate(m.Won, m.Accepted);
        m.WinRate = Rate(m.Won, m.Created);
        m.ExpiredOrMissedRate = Rate(m.Expired + m.Missed, m.Created);
        (m.AcknowledgeMeasured, m.AcknowledgeMedianHours, m.AcknowledgeP90Hours, m.AcknowledgeMeanHours, m.AcknowledgeMissingDates, m.AcknowledgeOutOfOrder) = Summarize(Acknowledge);
        (m.AcceptMeasured, m.AcceptMedianHours, m.AcceptP90Hours, m.AcceptMeanHours, m.AcceptMissingDates, m.AcceptOutOfOrder) = Summarize(Accept);
        (m.CloseMeasured, m.CloseMedianHours, m.CloseP90Hours, m.CloseMeanHours, m.CloseMissingDates, m.CloseOutOfOrder) = Summarize(Close);
        m.DateProblems = m.AcknowledgeMissingDates + m.AcknowledgeOutOfOrder + m.AcceptMissingDates + m.AcceptOutOfOrder + m.CloseMissingDates + m.CloseOutOfOrder;
        return m;
    }

    internal static double? Rate(long part, long whole) => whole == 0 ? null : part / (double)whole;

    private static (ReferralField, string, PropertyInfo) StageOf(ReferralField date, string name) => (date, name, typeof(ReferralMeasure).GetProperty(name)!);

    private static int IndexOf(string name) => Array.FindIndex(Stages, s => s.Name == name);

    private static (long Count, double? Median, double? P90, double? Mean, long Missing, long OutOfOrder) Summarize(TimedStage? stage)
    {
        if (stage is null)
        {
            return default;
        }

        var sorted = stage.Sample.Sorted();
        return (sorted.Length, DurationSample.PercentileHours(sorted, 0.5), DurationSample.PercentileHours(sorted, 0.9), stage.Sample.MeanHours, stage.MissingDates, stage.OutOfOrder);
    }
}
