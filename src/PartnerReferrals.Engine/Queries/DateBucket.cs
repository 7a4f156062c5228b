using System;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// The date range of one bucket of a grouped date field, as the API counts it: a day, a week starting Monday, or
/// a calendar month, all in UTC. The end is exclusive, so consecutive buckets never share a row.
/// </summary>
public static class DateBucket
{
    /// <summary>The bucket of <paramref name="level"/> (day, week, month; day when null) that holds <paramref name="date"/>.</summary>
    public static (DateTime Start, DateTime End) Of(DateTime date, string? level)
    {
        var day = FilterText.ToUtc(date).Date;
        // Compared in place, not lower-cased: Measure-PartnerReferral buckets every row through here.
        if (Is(level, "Week"))
        {
            // DayOfWeek counts from Sunday; weeks start on Monday (API.md).
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            return (monday, monday.AddDays(7));
        }

        if (Is(level, "Month"))
        {
            var first = new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            return (first, first.AddMonths(1));
        }

        return (day, day.AddDays(1));
    }

    private static bool Is(string? level, string name) => string.Equals(level?.Trim(), name, StringComparison.OrdinalIgnoreCase);
}
