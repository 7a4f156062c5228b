using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Insights;

/// <summary>
/// The figures recomputed from whole rows with LINQ, written apart from the engine: the stage rule, the ordering
/// of dates and the percentile definition are taken from the documentation (help and README), not the code.
/// </summary>
internal static class IndependentFigures
{
    public sealed record Figures(
        long Created, long Acknowledged, long Accepted, long Won, long Declined, long Expired, long Missed, long Skipped, long Lost, long Archived,
        double? AcknowledgeRate, double? AcceptRate, double? WinRateOfAccepted, double? WinRate, double? ExpiredOrMissedRate,
        Times Acknowledge, Times Accept, Times Close);

    public sealed record Times(long Measured, double? Median, double? P90, double? Mean, long Missing, long OutOfOrder);

    public static Figures Of(IReadOnlyCollection<Referral> rows)
    {
        bool Has(Referral r, Func<Referral, DateTime?> date, string stage) => date(r) != null || (r.Status ?? "").Equals(stage, StringComparison.OrdinalIgnoreCase);
        long Count(Func<Referral, DateTime?> date, string stage) => rows.LongCount(r => Has(r, date, stage));
        double? Ratio(long a, long b) => b == 0 ? null : (double)a / b;

        var created = rows.LongCount();
        var acknowledged = Count(r => r.AcknowledgedDate, "Acknowledged");
        var accepted = Count(r => r.AcceptedDate, "Accepted");
        var won = Count(r => r.WonDate, "Won");
        var expired = Count(r => r.ExpiredDate, "Expired");
        var missed = Count(r => r.MissedDate, "Missed");

        var ack = TimesOf(rows.Where(r => Has(r, x => x.AcknowledgedDate, "Acknowledged")).Select(r => (r.CreatedDate, r.AcknowledgedDate)));
        var accept = TimesOf(rows.Where(r => Has(r, x => x.AcceptedDate, "Accepted")).Select(r => (r.CreatedDate, r.AcceptedDate)));
        var close = TimesOf(rows.Where(r => Has(r, x => x.WonDate, "Won") || Has(r, x => x.LostDate, "Lost")).Select(r => (r.AcceptedDate, r.WonDate ?? r.LostDate)));

        return new Figures(
            created, acknowledged, accepted, won,
            Count(r => r.DeclinedDate, "Declined"), expired, missed, Count(r => r.SkippedDate, "Skipped"), Count(r => r.LostDate, "Lost"), Count(r => r.ArchivedDate, "Archived"),
            Ratio(acknowledged, created), Ratio(accepted, acknowledged), Ratio(won, accepted), Ratio(won, created), Ratio(expired + missed, created),
            ack, accept, close);
    }

    private static Times TimesOf(IEnumerable<(DateTime? From, DateTime? To)> pairs)
    {
        var list = pairs.ToList();
        var missing = list.Count(p => p.From is null || p.To is null);
        var backwards = list.Count(p => p.From is not null && p.To is not null && p.To < p.From);
        var hours = list.Where(p => p.From is not null && p.To is not null && p.To >= p.From)
            .Select(p => (p.To!.Value - p.From!.Value).TotalHours)
            .OrderBy(h => h)
            .ToArray();
        return new Times(hours.Length, Quantile(hours, 0.5), Quantile(hours, 0.9), hours.Length == 0 ? null : hours.Average(), missing, backwards);
    }

    /// <summary>PERCENTILE.INC: position p(n-1), interpolated between the values either side.</summary>
    private static double? Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var position = p * (sorted.Length - 1);
        var below = sorted[(int)Math.Floor(position)];
        var above = sorted[(int)Math.Ceiling(position)];
        return below + ((above - below) * (position - Math.Floor(position)));
    }

    /// <summary>Asserts that the engine's measure equals these figures (times to the second the engine keeps).</summary>
    public static void AssertEqual(Figures expected, ReferralMeasure actual, string group)
    {
        var counts = new[] { actual.Created, actual.Acknowledged, actual.Accepted, actual.Won, actual.Declined, actual.Expired, actual.Missed, actual.Skipped, actual.Lost, actual.Archived };
        Assert.True(
            new[] { expected.Created, expected.Acknowledged, expected.Accepted, expected.Won, expected.Declined, expected.Expired, expected.Missed, expected.Skipped, expected.Lost, expected.Archived }.SequenceEqual(counts),
            group + ": stage counts differ");
        Close(expected.AcknowledgeRate, actual.AcknowledgeRate, 1e-12, group + " AcknowledgeRate");
        Close(expected.AcceptRate, actual.AcceptRate, 1e-12, group + " AcceptRate");
        Close(expected.WinRateOfAccepted, actual.WinRateOfAccepted, 1e-12, group + " WinRateOfAccepted");
        Close(expected.WinRate, actual.WinRate, 1e-12, group + " WinRate");
        Close(expected.ExpiredOrMissedRate, actual.ExpiredOrMissedRate, 1e-12, group + " ExpiredOrMissedRate");
        Time(expected.Acknowledge, actual.AcknowledgeMeasured, actual.AcknowledgeMedianHours, actual.AcknowledgeP90Hours, actual.AcknowledgeMeanHours, actual.AcknowledgeMissingDates, actual.AcknowledgeOutOfOrder, group + " Acknowledge");
        Time(expected.Accept, actual.AcceptMeasured, actual.AcceptMedianHours, actual.AcceptP90Hours, actual.AcceptMeanHours, actual.AcceptMissingDates, actual.AcceptOutOfOrder, group + " Accept");
        var problems = new[] { expected.Acknowledge, expected.Accept, expected.Close }.Sum(t => t.Missing + t.OutOfOrder);
        Assert.True(problems == actual.DateProblems, $"{group}: DateProblems {actual.DateProblems}, expected {problems}");
        Time(expected.Close, actual.CloseMeasured, actual.CloseMedianHours, actual.CloseP90Hours, actual.CloseMeanHours, actual.CloseMissingDates, actual.CloseOutOfOrder, group + " Close");
    }

    private static void Time(Times expected, long measured, double? median, double? p90, double? mean, long missing, long outOfOrder, string what)
    {
        Assert.True(expected.Measured == measured, $"{what}: measured {measured}, expected {expected.Measured}");
        Assert.True(expected.Missing == missing, $"{what}: missing {missing}, expected {expected.Missing}");
        Assert.True(expected.OutOfOrder == outOfOrder, $"{what}: out of order {outOfOrder}, expected {expected.OutOfOrder}");
        // The engine keeps whole seconds; the test's dates are whole minutes, so nothing is lost: 1e-9 h is float noise.
        Close(expected.Median, median, 1e-9, what + " median");
        Close(expected.P90, p90, 1e-9, what + " p90");
        Close(expected.Mean, mean, 1e-9, what + " mean");
    }

    private static void Close(double? expected, double? actual, double tolerance, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: expected {expected}, got {actual}");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Abs(e)), $"{what}: expected {e}, got {a}");
        }
    }
}
