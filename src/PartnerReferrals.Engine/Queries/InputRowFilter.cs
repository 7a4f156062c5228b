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
/// properties it has of the fields a typed parameter selects by value (Status, CustomerMarket...), as a CSV row would.
/// </summary>
public static class InputRowFilter
{
    private const string Parameter = Hosting.ErrorScope.InputParameter;

    /// <summary>The fields a plain object drills down by: those of the typed value parameters, less the id that outranks them.</summary>
    private static readonly ReferralField[] TermFields = [.. ReferralFields.ValueFilterFields.Where(f => f != ReferralFields.Id)];

    /// <summary>The clauses, joined by <c>and</c>. Throws <see cref="PartnerReferralsException"/> when the object means nothing.</summary>
    public static string Build(IReadOnlyDictionary<string, object?> row)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var properties = row.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        if (Text(properties, "GroupBy") is { } groupBy)
        {
            return Group(properties, groupBy, Text(properties, "AggregationLevel"));
        }

        // The values a typed parameter of the same name would take, built as -Status or -Id would build them; an id outranks the rest.
        var filter = new ReferralFilter();
        foreach (var field in Values(properties, ReferralFields.Id.Name).Any(v => !string.IsNullOrWhiteSpace(v)) ? [ReferralFields.Id] : TermFields)
        {
            foreach (var value in Values(properties, field.Name))
            {
                field.AnyOf!(filter).Add(value);
            }
        }

        return FilterBuilder.Build(filter) ?? throw QueryErrors.Invalid(
            "InputObjectNotUsable",
            Parameter,
            null,
            "The piped object has none of the properties Get-PartnerReferral reads: GroupBy (a summary row), Id, " + string.Join(", ", TermFields.Select(f => f.Property)) + ".",
            "Pipe summary rows, referrals, or objects with one of those properties (e.g. rows of Import-Csv).");
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
        var date = InputDate.Read(value, field.Property, text => QueryErrors.Invalid(
            "InputObjectInvalidDate",
            Parameter,
            text,
            string.Format(CultureInfo.InvariantCulture, "The piped summary row's {0} '{1}' is not a date.", field.Name, text),
            "Give the bucket's first day as a date, e.g. 2024-03-01."));
        if (date is null)
        {
            return field.Name + " eq null";
        }

        var (start, end) = DateBucket.Of(date.Value, level);
        return field.Name + " ge " + FilterText.DateCast(start) + " and " + field.Name + " lt " + FilterText.DateCast(end);
    }

    private static string? Text(Dictionary<string, object?> properties, string name) =>
        properties.TryGetValue(name, out var value) && value is { } found && Convert.ToString(found, CultureInfo.InvariantCulture) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    private static IEnumerable<string> Values(Dictionary<string, object?> properties, string name) =>
        !properties.TryGetValue(name, out var value) || value is null ? []
        : value is string or not IEnumerable ? [Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty]
        : ((IEnumerable)value).Cast<object?>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty);
}
