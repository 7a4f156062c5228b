using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// What Get-PartnerCoSellReferral asks the Referrals API for, as its OData options (API-COSELL.md §1.1): the typed
/// filters become <c>field eq 'value'</c> terms joined by <c>and</c> with the caller's own <c>$filter</c> text
/// (only the documented forms are generated); <c>-First</c> is <c>$top</c>, <c>-Skip</c> <c>$skip</c>.
/// </summary>
public sealed class CoSellQuery
{
    public static readonly IReadOnlyList<string> Directions = ["Incoming", "Outgoing"];

    public static readonly IReadOnlyList<string> OrderFields = ["createdDateTime", "updatedDateTime"];

    public string? Status { get; set; }

    public string? Substatus { get; set; }

    public string? Direction { get; set; }

    /// <summary>The API's own OData filter text, sent as written inside parentheses.</summary>
    public string? Filter { get; set; }

    /// <summary>"createdDateTime desc" and the like.</summary>
    public string? OrderBy { get; set; }

    public long? First { get; set; }

    public long Skip { get; set; }

    /// <summary>Asks for <c>@odata.count</c> (<c>$count=true</c>); the service may still not send it.</summary>
    public bool Count { get; set; }

    /// <summary>The whole <c>$filter</c>, or null when nothing filters.</summary>
    public string? FilterText()
    {
        var terms = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter))
        {
            terms.Add("(" + Filter!.Trim() + ")");
        }

        Add(terms, "status", Status);
        Add(terms, "substatus", Substatus);
        Add(terms, "direction", Direction);
        if (terms.Count == 1 && terms[0].StartsWith("(", StringComparison.Ordinal))
        {
            return Filter!.Trim();
        }

        return terms.Count == 0 ? null : string.Join(" and ", terms);
    }

    /// <summary>The query string of the first request, escaped, without the leading "?".</summary>
    public string ToQueryString()
    {
        var options = new List<string>();
        if (FilterText() is { } filter)
        {
            options.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (!string.IsNullOrWhiteSpace(OrderBy))
        {
            options.Add("$orderby=" + Uri.EscapeDataString(OrderBy!.Trim()));
        }

        if (First is { } first)
        {
            options.Add("$top=" + first.ToString(CultureInfo.InvariantCulture));
        }

        if (Skip > 0)
        {
            options.Add("$skip=" + Skip.ToString(CultureInfo.InvariantCulture));
        }

        if (Count)
        {
            options.Add("$count=true");
        }

        return string.Join("&", options);
    }

    /// <summary>A single-quoted OData string literal: quotes inside are doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    private static void Add(List<string> terms, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            terms.Add(field + " eq " + Literal(value!.Trim()));
        }
    }

    /// <summary>The canonical spelling of a known value, or null when <paramref name="value"/> is not one of <paramref name="known"/>.</summary>
    public static string? Canonical(IReadOnlyList<string> known, string value) =>
        known.FirstOrDefault(candidate => string.Equals(candidate, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
