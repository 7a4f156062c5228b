using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// A validated -GroupBy of Measure-PartnerReferral: term fields in the order given and at most one created-date
/// bucket, named as the summary names it (<c>createdDate</c> with -AggregationLevel, Day when none) or as a bucket
/// (<c>createdMonth</c>). Names ignore case, like the API's field names.
/// </summary>
public sealed class InsightGrouping
{
    public const string ParameterName = "GroupBy";

    /// <summary>The term fields Measure-PartnerReferral groups by: the catalogue's groupable ones its output carries.</summary>
    private static readonly Dictionary<ReferralField, PropertyInfo> TermProperties = ReferralFields.GroupableFields
        .Where(f => f.Kind == ReferralFieldKind.Term && typeof(ReferralMeasure).GetProperty(f.Property) is not null)
        .ToDictionary(f => f, f => typeof(ReferralMeasure).GetProperty(f.Property)!);

    private InsightGrouping(IReadOnlyList<ReferralField> fields, string? level)
    {
        Fields = fields;
        Level = level;
        Text = string.Join(",", fields.Select(f => f.Kind == ReferralFieldKind.Date ? f.BucketName(level!) : f.Name));
    }

    /// <summary>The whole input as one group.</summary>
    public static InsightGrouping None { get; } = new([], null);

    /// <summary>The names a user may type, for completion and error messages.</summary>
    public static IReadOnlyList<string> ValidNames { get; } =
        [.. TermProperties.Keys.Select(f => f.Name), ReferralFields.CreatedDate.Name, .. ReferralFields.Levels.Select(ReferralFields.CreatedDate.BucketName)];

    /// <summary>The grouped fields in the order given: term fields, and createdDate for the created-date bucket.</summary>
    public IReadOnlyList<ReferralField> Fields { get; }

    /// <summary>Day, Week or Month when the created date is grouped; null otherwise.</summary>
    public string? Level { get; }

    /// <summary>The grouping as written in <see cref="ReferralMeasure.GroupBy"/>, a bucket by its name: <c>status,createdMonth</c>.</summary>
    public string Text { get; }

    public static InsightGrouping Parse(IEnumerable<string>? names, string? aggregationLevel = null)
    {
        var dated = false;
        var (fields, level) = GroupingNames.Resolve(names, aggregationLevel, "PartnerReferrals.Insights.", name =>
        {
            if (!ReferralFields.TryGetGrouping(name, out var field, out _) || !(TermProperties.ContainsKey(field) || field == ReferralFields.CreatedDate))
            {
                throw Invalid("UnknownGroupBy", name, string.Format(CultureInfo.InvariantCulture, "-GroupBy: '{0}' is not a field Measure-PartnerReferral groups by.", name), "Use one or more of: " + string.Join(", ", ValidNames) + ".");
            }

            if (field.Kind == ReferralFieldKind.Date && dated)
            {
                throw Invalid("SeveralDateBuckets", name, "-GroupBy: a grouping can have only one created-date bucket.", "Keep one of createdDate, createdDay, createdWeek or createdMonth.");
            }

            dated |= field.Kind == ReferralFieldKind.Date;
            return field;
        });
        return fields.Count == 0 ? None : new InsightGrouping(fields, level);
    }

    /// <summary>Sets a grouped term field's value on <paramref name="measure"/>.</summary>
    internal static void SetTerm(ReferralMeasure measure, ReferralField field, string? value) => TermProperties[field].SetValue(measure, value);

    private static PartnerReferralsException Invalid(string id, string target, string message, string fix) =>
        new("PartnerReferrals.Insights." + id, ErrorKind.InvalidArgument, message, fix, target)
        {
            ParameterName = ParameterName,
        };
}
