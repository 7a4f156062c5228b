using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Models;

/// <summary>
/// One row of a grouped query (Get-PartnerReferralSummary): the values of the fields it is grouped by, and the count.
/// It holds the grouped fields only, so that it exports as exactly those columns: the summary cmdlet shows each as a
/// property of the row (<c>$row.Status</c>, <c>$row.CreatedDate</c>, then <c>AggregationLevel</c> when a date is
/// grouped), before <see cref="GroupBy"/> and <see cref="ReferralCount"/>; C# reads them with <see cref="Value"/>.
/// </summary>
public sealed class ReferralGroup
{
    private readonly KeyValuePair<string, object?>[] values;

    /// <summary>A row with no grouped values, for a script that builds one (<c>[PartnerReferrals.Models.ReferralGroup]@{ ReferralCount = 3 }</c>).</summary>
    public ReferralGroup()
        : this(null, [])
    {
    }

    /// <param name="groupBy">The grouped fields as sent, e.g. <c>status,createdDate</c>.</param>
    /// <param name="values">
    /// The grouped fields by property name (<c>Status</c>: a string; <c>CreatedDate</c>: the first day of its bucket,
    /// UTC; null where the rows have no value), then <c>AggregationLevel</c> (Day, Week, Month) when a date is grouped.
    /// </param>
    public ReferralGroup(string? groupBy, IEnumerable<KeyValuePair<string, object?>> values)
    {
        GroupBy = groupBy;
        this.values = (values ?? throw new ArgumentNullException(nameof(values))).ToArray();
    }

    /// <summary>The fields this row is grouped by, comma-separated as sent (e.g. <c>status,createdDate</c>).</summary>
    public string? GroupBy { get; set; }

    public long ReferralCount { get; set; }

    /// <summary>A grouped field's value (or <c>AggregationLevel</c>) by name, ignoring case; null when the row has none.</summary>
    /// <remarks>A method, not an indexer or a property: Export-Csv writes every property, and the row is flat.</remarks>
    public object? Value(string name) =>
        values.FirstOrDefault(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The grouped fields, then <c>AggregationLevel</c>, with this row's values, in order: what the summary cmdlet shows as properties.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> GroupedValues() => values;
}
