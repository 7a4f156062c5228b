using System;

namespace PartnerReferrals.Emulator;

/// <summary>Date buckets of a grouped query (the sibling pages' vocabulary).</summary>
internal enum AggregationLevel
{
    Day,
    Week,
    Month,
}

/// <summary>Maps a date to the first day of its bucket, counted in days since 1970-01-01.</summary>
internal static class DateBuckets
{
    public const int Missing = -1;

    public static int BucketOf(uint rawDate, AggregationLevel level)
    {
        if (rawDate == RowDate.Missing)
        {
            return Missing;
        }

        var days = (int)((rawDate - 1L) / 86_400);
        switch (level)
        {
            case AggregationLevel.Week:
                // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday. Weeks start on Monday (API.md's choice).
                return days - ((days + 3) % 7);
            case AggregationLevel.Month:
                var date = RowDate.Epoch.AddDays(days);
                return (int)(new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Utc) - RowDate.Epoch).TotalDays;
            default:
                return days;
        }
    }

    public static DateTime ToDate(int bucket) => RowDate.Epoch.AddDays(bucket);
}
