using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// -GroupBy and -AggregationLevel read together, for Get-PartnerReferralSummary and Measure-PartnerReferral alike: a
/// date's bucket is named either way (<c>createdDate -AggregationLevel Month</c> or <c>createdMonth</c>), and one level
/// applies to every grouped date, as the API's aggregationLevel does.
/// </summary>
internal static class GroupingNames
{
    /// <summary>
    /// The grouped fields in the order given (each once) and the level of their dates (null when none is grouped).
    /// <paramref name="accept"/> checks each name and returns its field; the errors of the levels start with <paramref name="prefix"/>.
    /// </summary>
    public static (List<ReferralField> Fields, string? Level) Resolve(IEnumerable<string>? groupBy, string? aggregationLevel, string prefix, Func<string, ReferralField> accept)
    {
        var fields = new List<ReferralField>();
        string? named = null;
        // "status,createdDate" in one element is accepted too: it is how the API writes the list, and the GroupBy column shows it.
        foreach (var name in (groupBy ?? []).SelectMany(g => (g ?? string.Empty).Split(',')).Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var field = accept(name);
            ReferralFields.TryGetGrouping(name, out _, out var level);
            if (level is not null)
            {
                named = named is null || named == level ? level : throw Conflict(prefix, "GroupBy", named + " and " + level, "-GroupBy names two levels for its dates (" + named + ", " + level + ").");
            }

            if (!fields.Contains(field))
            {
                fields.Add(field);
            }
        }

        if (string.IsNullOrWhiteSpace(aggregationLevel))
        {
            return (fields, fields.Any(f => f.Kind == ReferralFieldKind.Date) ? named ?? ReferralFields.Levels[0] : null);
        }

        var given = ReferralFields.LevelOf(aggregationLevel)
            ?? throw Invalid(prefix + "InvalidAggregationLevel", aggregationLevel!, "-AggregationLevel: '" + aggregationLevel + "' is not an aggregation level.", "Use " + Levels + ".");
        if (named is not null && named != given)
        {
            throw Conflict(prefix, "AggregationLevel", given, "-AggregationLevel " + given + " and the " + named + " of a date in -GroupBy differ.");
        }

        if (fields.Count == 0)
        {
            throw Invalid(
                prefix + "AggregationWithoutGroupBy",
                given,
                "-AggregationLevel needs -GroupBy: it sets the bucket size of the grouped date fields.",
                "Add -GroupBy with a date field, e.g. -GroupBy createdDate -AggregationLevel " + given + " (or -GroupBy " + ReferralFields.CreatedDate.BucketName(given) + ").");
        }

        if (!fields.Any(f => f.Kind == ReferralFieldKind.Date))
        {
            throw Invalid(
                prefix + "AggregationWithoutDateField",
                given,
                "-AggregationLevel applies to date fields, and -GroupBy has none.",
                "Add a date field to -GroupBy (" + ReferralFields.Describe(ReferralFields.DateFields) + ") or leave -AggregationLevel out.");
        }

        return (fields, given);
    }

    private static string Levels => string.Join(", ", ReferralFields.Levels.Take(ReferralFields.Levels.Count - 1)) + " or " + ReferralFields.Levels[ReferralFields.Levels.Count - 1];

    private static PartnerReferralsException Conflict(string prefix, string parameter, string target, string problem) =>
        Invalid(prefix + "ConflictingAggregationLevel", target, problem, "Name the level once: -GroupBy createdDate -AggregationLevel Month, or -GroupBy createdMonth; it applies to every grouped date.", parameter);

    private static PartnerReferralsException Invalid(string id, string target, string problem, string action, string parameter = "AggregationLevel") =>
        new(id, ErrorKind.InvalidArgument, problem, action, target)
        {
            ParameterName = parameter,
        };
}
