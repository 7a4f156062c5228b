using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>
/// The report header's account of a query as a person reads it ("Created on or after 1 Jan 2025; status Won or
/// Lost; customer market US or CA"), made from the request's filter parts rather than the filter grammar sent to
/// the API. A raw -Filter is the user's own text: it is shown as given, and labelled as such.
/// </summary>
internal static class QueryDescription
{
    /// <summary>What the header says when nothing filters.</summary>
    public const string AllReferrals = "All referrals";

    public static string Of(ReferralFilter? filter)
    {
        if (filter is null)
        {
            return AllReferrals;
        }

        var parts = new List<string>();
        if (filter.After.HasValue || filter.Before.HasValue)
        {
            parts.Add(DateRange(filter));
        }

        if (filter.ChangedSince is { } since)
        {
            parts.Add("changed on or after " + Date(since) + " (any lifecycle date)");
        }

        // The id last: a reader looks for what kind of referrals first.
        foreach (var field in ReferralFields.ValueFilterFields.Where(f => f != ReferralFields.Id))
        {
            AnyOf(parts, field.Name, field.AnyOf!(filter));
        }

        if (!string.IsNullOrEmpty(filter.CustomerNameContains))
        {
            parts.Add("customer name contains \"" + filter.CustomerNameContains + "\"");
        }

        AnyOf(parts, ReferralFields.Id.Name, filter.Id);
        if (filter.InputRow is not null)
        {
            parts.Add("matching the piped object");
        }

        if (!string.IsNullOrWhiteSpace(filter.RawFilter))
        {
            parts.Add("-Filter as given: " + filter.RawFilter!.Trim());
        }

        if (parts.Count == 0)
        {
            return AllReferrals;
        }

        var text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text.Substring(1);
    }

    private static string DateRange(ReferralFilter filter)
    {
        // FilterBuilder has already refused a name that is not a date field; the catalogue gives its spelling.
        var name = ReferralFields.TryGet(string.IsNullOrWhiteSpace(filter.DateField) ? "createdDate" : filter.DateField, out var field)
            ? field.Name
            : filter.DateField!;
        var stage = Words(name.EndsWith("Date", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name);
        var text = new StringBuilder(stage);
        if (filter.After is { } after)
        {
            text.Append(" on or after ").Append(Date(after));
        }

        if (filter.Before is { } before)
        {
            text.Append(filter.After.HasValue ? " and before " : " before ").Append(Date(before));
        }

        return text.ToString();
    }

    private static void AnyOf(List<string> parts, string field, IEnumerable<string> values)
    {
        // The values the filter sends: blank ones dropped, repeats ignoring case once.
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            return;
        }

        var joined = list.Count == 1
            ? list[0]
            : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[list.Count - 1];
        parts.Add(Words(field) + " " + joined);
    }

    /// <summary>A date as sent (in UTC), written the way people write it: 1 Jan 2025, with the time when it is not midnight.</summary>
    private static string Date(DateTime value)
    {
        var utc = FilterText.ToUtc(value);
        var format = utc.TimeOfDay == TimeSpan.Zero ? "d MMM yyyy" : utc.Second == 0 && utc.Millisecond == 0 ? "d MMM yyyy HH:mm 'UTC'" : "d MMM yyyy HH:mm:ss 'UTC'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A field's API name as words: customerOrgSize → customer org size.</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
