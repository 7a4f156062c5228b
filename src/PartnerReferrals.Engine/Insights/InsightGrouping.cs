using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// A validated -GroupBy: term fields in the order given and at most one created-date bucket. Names ignore case,
/// like the API's field names.
/// </summary>
public sealed class InsightGrouping
{
    public const string ParameterName = "GroupBy";

    private static readonly (string Name, InsightField Field)[] Names =
    [
        ("customerMarket", InsightField.CustomerMarket),
        ("partnerMarket", InsightField.PartnerMarket),
        ("customerOrgSize", InsightField.CustomerOrgSize),
        ("status", InsightField.Status),
        ("createdDay", InsightField.CreatedDay),
        ("createdWeek", InsightField.CreatedWeek),
        ("createdMonth", InsightField.CreatedMonth),
    ];

    private InsightGrouping(IReadOnlyList<InsightField> fields)
    {
        Fields = fields;
        Text = string.Join(",", fields.Select(NameOf));
    }

    /// <summary>The whole input as one group.</summary>
    public static InsightGrouping None { get; } = new(Array.Empty<InsightField>());

    /// <summary>The names a user may type, for completion and error messages.</summary>
    public static IReadOnlyList<string> ValidNames { get; } = Names.Select(n => n.Name).ToArray();

    public IReadOnlyList<InsightField> Fields { get; }

    /// <summary>The grouping as written in <see cref="Models.ReferralMeasure.GroupBy"/>, e.g. <c>status,createdMonth</c>.</summary>
    public string Text { get; }

    public static InsightGrouping Parse(IEnumerable<string>? names)
    {
        var fields = new List<InsightField>();
        foreach (var raw in names ?? Array.Empty<string>())
        {
            // "a,b" as one argument is what people type after seeing the GroupBy column.
            foreach (var part in (raw ?? string.Empty).Split(','))
            {
                var name = part.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                var match = Names.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).Select(n => (InsightField?)n.Field).FirstOrDefault()
                    ?? throw Invalid("UnknownGroupBy", name, string.Format(CultureInfo.InvariantCulture, "-GroupBy: '{0}' is not a field Measure-PartnerReferral groups by.", name), "Use one or more of: " + string.Join(", ", ValidNames) + ".");
                if (!fields.Contains(match))
                {
                    fields.Add(match);
                }
            }
        }

        if (fields.Count(IsDateBucket) > 1)
        {
            throw Invalid("SeveralDateBuckets", string.Join(",", fields.Where(IsDateBucket).Select(NameOf)), "-GroupBy: a grouping can have only one created-date bucket.", "Keep one of createdDay, createdWeek or createdMonth.");
        }

        return fields.Count == 0 ? None : new InsightGrouping(fields);
    }

    public static string NameOf(InsightField field) => Names.First(n => n.Field == field).Name;

    internal static bool IsDateBucket(InsightField field) => field is InsightField.CreatedDay or InsightField.CreatedWeek or InsightField.CreatedMonth;

    /// <summary>First day of the bucket (weeks start on Monday, as the API's week aggregation does), UTC.</summary>
    internal static DateTime BucketStart(InsightField field, DateTime created)
    {
        var day = DateTime.SpecifyKind(created.Date, DateTimeKind.Utc);
        return field switch
        {
            InsightField.CreatedWeek => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            InsightField.CreatedMonth => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => day,
        };
    }

    internal static string IntervalOf(InsightField field) => field switch
    {
        InsightField.CreatedWeek => "Week",
        InsightField.CreatedMonth => "Month",
        _ => "Day",
    };

    private static PartnerReferralsException Invalid(string id, string target, string message, string fix) =>
        new("PartnerReferrals.Insights." + id, ErrorKind.InvalidArgument, message, fix, target)
        {
            ParameterName = ParameterName,
        };
}
