using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// Measure-PartnerReferral's computation, one referral at a time: it keeps one <see cref="GroupAccumulator"/> per
/// group and never a row, so memory grows with the groups and the durations the percentiles need. Term values
/// group ignoring case (as Group-Object does), under the spelling seen first.
/// </summary>
public sealed class InsightAccumulator
{
    private const string NoValue = "(none)";
    private readonly Dictionary<string, Entry> groups = new(StringComparer.Ordinal);
    private readonly bool trackTimes;
    private readonly StringBuilder keyBuilder = new();

    public InsightAccumulator(InsightGrouping grouping, bool trackTimes = true)
    {
        Grouping = grouping ?? throw new ArgumentNullException(nameof(grouping));
        this.trackTimes = trackTimes;
    }

    public InsightGrouping Grouping { get; }

    public long Rows { get; private set; }

    public int GroupCount => groups.Count;

    public void Add(Referral referral)
    {
        if (referral is null)
        {
            throw new ArgumentNullException(nameof(referral));
        }

        Rows++;
        var key = KeyOf(referral, out var period);
        if (!groups.TryGetValue(key, out var entry))
        {
            entry = new Entry(Terms(referral), period, new GroupAccumulator(trackTimes));
            groups.Add(key, entry);
        }

        entry.Figures.Add(referral);
    }

    /// <summary>The figures of every group, ordered by created period, then by the term values.</summary>
    public IReadOnlyList<ReferralMeasure> Results()
    {
        var ordered = groups.Values
            .OrderBy(e => e.Period ?? DateTime.MinValue)
            .ThenBy(e => string.Join("\u001f", e.Terms.Select(t => t ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
        var results = new List<ReferralMeasure>(groups.Count);
        foreach (var entry in ordered)
        {
            results.Add(ToMeasure(entry));
        }

        // Nothing to measure is still an answer: one row of zeros says so more plainly than no output.
        if (results.Count == 0 && Grouping.Fields.Count == 0)
        {
            results.Add(ToMeasure(new Entry(Array.Empty<string?>(), null, new GroupAccumulator(trackTimes))));
        }

        return results;
    }

    /// <summary>The accumulated durations of the ungrouped figures, for the report's distributions.</summary>
    internal GroupAccumulator? Single => groups.Count == 1 && Grouping.Fields.Count == 0 ? groups.Values.First().Figures : null;

    private ReferralMeasure ToMeasure(Entry entry)
    {
        var measure = entry.Figures.ToMeasure();
        measure.GroupBy = Grouping.Text;
        var term = 0;
        var display = new List<string>();
        foreach (var field in Grouping.Fields)
        {
            if (field.Kind == ReferralFieldKind.Date)
            {
                measure.CreatedPeriod = entry.Period;
                measure.Interval = Grouping.Level;
                display.Add(entry.Period?.ToString(Grouping.Level == "Month" ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NoValue);
                continue;
            }

            var value = entry.Terms[term++];
            display.Add(string.IsNullOrEmpty(value) ? NoValue : value!);
            InsightGrouping.SetTerm(measure, field, value);
        }

        if (display.Count > 0)
        {
            measure.Group = string.Join(" ", display);
        }

        return measure;
    }

    private string KeyOf(Referral r, out DateTime? period)
    {
        keyBuilder.Clear();
        period = null;
        foreach (var field in Grouping.Fields)
        {
            if (field.Kind == ReferralFieldKind.Date)
            {
                period = r.CreatedDate is { } created ? DateBucket.Of(created, Grouping.Level).Start : null;
                keyBuilder.Append(period?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-");
            }
            else
            {
                var value = field.TextOf(r);
                // A missing value and an empty one are different groups; the marker cannot occur in a value.
                keyBuilder.Append(value is null ? "\u0000" : value.ToUpperInvariant());
            }

            keyBuilder.Append('\u001f');
        }

        return keyBuilder.ToString();
    }

    private string?[] Terms(Referral r) =>
        [.. Grouping.Fields.Where(f => f.Kind == ReferralFieldKind.Term).Select(f => f.TextOf(r))];

    private sealed record Entry(string?[] Terms, DateTime? Period, GroupAccumulator Figures);
}
