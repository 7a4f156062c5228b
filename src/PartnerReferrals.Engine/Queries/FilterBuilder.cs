using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// Turns the friendly inputs of <see cref="ReferralFilter"/> into the API's filter grammar: values of one field
/// joined by <c>or</c> (in parentheses when more than one), fields and the raw filter joined by <c>and</c>.
/// </summary>
public static class FilterBuilder
{
    /// <summary>The filter text, or null when nothing filters. Throws <see cref="PartnerReferralsException"/> on bad input.</summary>
    public static string? Build(ReferralFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var clauses = new List<string>();
        foreach (var field in ReferralFields.ValueFilterFields)
        {
            AddAnyOf(clauses, field.Name, field.AnyOf!(filter));
        }

        if (!string.IsNullOrEmpty(filter.CustomerNameContains))
        {
            clauses.Add("contains(customerName," + FilterText.Quote(filter.CustomerNameContains!) + ")");
        }

        AddDateRange(clauses, filter);

        if (filter.ChangedSince is { } since)
        {
            // Every change of a referral stamps one of its lifecycle dates, so "changed" is "any date at or after".
            var cast = FilterText.DateCast(since);
            clauses.Add("(" + string.Join(" or ", ReferralFields.DateFields.Select(f => f.Name + " ge " + cast)) + ")");
        }

        if (filter.InputRow is { } row)
        {
            clauses.Add("(" + InputRowFilter.Build(row) + ")");
        }

        if (!string.IsNullOrWhiteSpace(filter.RawFilter))
        {
            var raw = filter.RawFilter!.Trim();
            RawFilterValidator.Validate(raw);
            clauses.Add("(" + raw + ")");
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static void AddAnyOf(List<string> clauses, string field, IEnumerable<string>? values)
    {
        // Whitespace-only entries come from splatted empty strings; they carry no intent, so they are dropped.
        var terms = (values ?? [])
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(v => field + " eq " + FilterText.Quote(v))
            .ToList();
        if (terms.Count == 1)
        {
            clauses.Add(terms[0]);
        }
        else if (terms.Count > 1)
        {
            clauses.Add("(" + string.Join(" or ", terms) + ")");
        }
    }

    private static void AddDateRange(List<string> clauses, ReferralFilter filter)
    {
        if (filter.After is null && filter.Before is null)
        {
            return;
        }

        var name = string.IsNullOrWhiteSpace(filter.DateField) ? ReferralFilter.DefaultDateField : filter.DateField!;
        if (!ReferralFields.TryGet(name, out var field) || field.Kind != ReferralFieldKind.Date)
        {
            throw QueryErrors.Invalid(
                "InvalidDateField",
                "DateField",
                name,
                string.Format(CultureInfo.InvariantCulture, "-DateField: '{0}' is not a date field of a referral.", name),
                "Use one of: " + ReferralFields.Describe(ReferralFields.DateFields) + ".");
        }

        if (filter.After is { } after && filter.Before is { } before && FilterText.ToUtc(after) >= FilterText.ToUtc(before))
        {
            throw QueryErrors.Invalid(
                "InvalidDateRange",
                "Before",
                before,
                "-Before must be later than -After: the range is empty.",
                "Give -After the earlier date (inclusive) and -Before the later one (exclusive).");
        }

        if (filter.After is { } lower)
        {
            clauses.Add(field.Name + " ge " + FilterText.DateCast(lower));
        }

        if (filter.Before is { } upper)
        {
            clauses.Add(field.Name + " lt " + FilterText.DateCast(upper));
        }
    }
}
