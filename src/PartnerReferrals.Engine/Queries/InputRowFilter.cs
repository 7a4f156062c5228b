using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// The filter one piped object stands for. A summary row (it carries GroupBy) means exactly the referrals it
/// counts: every grouped field equal to the row's value, a grouped date inside the row's bucket, a missing value
/// as <c>eq null</c>. A referral (it carries an Id) means that referral. Any other object drills down by the
/// term properties it has (Status, CustomerMarket, PartnerMarket, CustomerOrgSize), as a CSV row would.
/// </summary>
public static class InputRowFilter
{
    private const string Parameter = Hosting.ErrorScope.InputParameter;

    private static readonly string[] TermProperties = ["status", "customerMarket", "partnerMarket", "customerOrgSize"];

    /// <summary>The clauses, joined by <c>and</c>. Throws <see cref="PartnerReferralsException"/> when the object means nothing.</summary>
    public static string Build(IReadOnlyDictionary<string, object?> row)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in row)
        {
            properties[pair.Key] = pair.Value;
        }

        if (Text(properties, "GroupBy") is { } groupBy)
        {
            return Group(properties, groupBy, Text(properties, "AggregationLevel"));
        }

        if (Values(properties, "id") is { Count: > 0 } ids)
        {
            return AnyOf("id", ids);
        }

        var clauses = TermProperties
            .Select(name => Values(properties, name) is { Count: > 0 } values ? AnyOf(name, values) : null)
            .Where(clause => clause is not null)
            .ToList();
        if (clauses.Count == 0)
        {
            throw QueryErrors.Invalid(
                "InputObjectNotUsable",
                Parameter,
                null,
                "The piped object has none of the properties Get-PartnerReferral reads: GroupBy (a summary row), Id, Status, CustomerMarket, PartnerMarket, CustomerOrgSize.",
                "Pipe summary rows, referrals, or objects with one of those properties (e.g. rows of Import-Csv).");
        }

        return string.Join(" and ", clauses);
    }

    private static string Group(Dictionary<string, object?> properties, string groupBy, string? level)
    {
        var clauses = new List<string>();
        foreach (var name in groupBy.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            if (!ReferralFields.TryGet(name, out var field) || !field.Groupable)
            {
                throw QueryErrors.Invalid(
                    "InputObjectUnknownField",
                    Parameter,
                    name,
                    string.Format(CultureInfo.InvariantCulture, "The piped summary row's GroupBy names '{0}', which is not a groupable referral field.", name),
                    "Pipe rows of Get-PartnerReferralSummary, whose GroupBy lists some of: " + ReferralFields.Describe(ReferralFields.GroupableFields) + ".");
            }

            if (!properties.TryGetValue(field.Name, out var value))
            {
                throw QueryErrors.Invalid(
                    "InputObjectIncomplete",
                    Parameter,
                    field.Name,
                    string.Format(CultureInfo.InvariantCulture, "The piped summary row is grouped by {0} but has no {0} property.", field.Name),
                    "Pipe the rows of Get-PartnerReferralSummary as they are, or keep every grouped property when you select.");
            }

            clauses.Add(field.Kind == ReferralFieldKind.Date ? DateClause(field, value, level) : TermClause(field, value));
        }

        return string.Join(" and ", clauses);
    }

    private static string TermClause(ReferralField field, object? value) =>
        value is null || (value is string text && text.Length == 0)
            ? field.Name + " eq null"
            : field.Name + " eq " + FilterText.Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);

    private static string DateClause(ReferralField field, object? value, string? level)
    {
        if (value is null || (value is string blank && blank.Length == 0))
        {
            return field.Name + " eq null";
        }

        var (start, end) = DateBucket.Of(ToDate(field, value), level);
        return field.Name + " ge " + FilterText.DateCast(start) + " and " + field.Name + " lt " + FilterText.DateCast(end);
    }

    private static DateTime ToDate(ReferralField field, object value)
    {
        switch (value)
        {
            case DateTime date:
                return date;
            case DateTimeOffset offset:
                return offset.UtcDateTime;
            case string text when DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
                || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out parsed):
                return parsed;
            default:
                throw QueryErrors.Invalid(
                    "InputObjectInvalidDate",
                    Parameter,
                    value,
                    string.Format(CultureInfo.InvariantCulture, "The piped summary row's {0} '{1}' is not a date.", field.Name, value),
                    "Give the bucket's first day as a date, e.g. 2024-03-01.");
        }
    }

    private static string AnyOf(string field, IReadOnlyList<string> values) =>
        values.Count == 1
            ? field + " eq " + FilterText.Quote(values[0])
            : "(" + string.Join(" or ", values.Select(v => field + " eq " + FilterText.Quote(v))) + ")";

    private static string? Text(Dictionary<string, object?> properties, string name) =>
        properties.TryGetValue(name, out var value) && value is { } found && Convert.ToString(found, CultureInfo.InvariantCulture) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    private static List<string>? Values(Dictionary<string, object?> properties, string name)
    {
        if (!properties.TryGetValue(name, out var value) || value is not { } found)
        {
            return null;
        }

        IEnumerable items = found is string or not IEnumerable ? new[] { found } : (IEnumerable)found;
        return items.Cast<object?>()
            .Select(item => Convert.ToString(item, CultureInfo.InvariantCulture))
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => text!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
