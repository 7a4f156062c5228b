using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The validated parameters of one referrals request. Parameter names ignore case and carry no '$' (API.md).
/// Parameters the API does not document are ignored rather than rejected, as the real service ignores them;
/// that also keeps clients that add their own markers (cache busters, tracing) working.
/// </summary>
internal sealed record ReferralQuery(
    string? FilterText,
    FilterNode? Filter,
    IReadOnlyList<ReferralField> GroupBy,
    AggregationLevel? Level,
    int Top,
    int Skip)
{
    /// <summary>The documented page limit, also the default page size.</summary>
    public const int MaxTop = 10_000;

    /// <summary>What identifies the result set regardless of paging: the cache key of computed results.</summary>
    public string ResultKey => $"{FilterText}\n{string.Join(',', GroupBy)}\n{Level}";

    public static ReferralQuery Parse(IQueryCollection query)
    {
        var filterText = Single(query, "filter");
        var filter = string.IsNullOrWhiteSpace(filterText) ? null : FilterParser.Parse(filterText);
        var groupBy = ParseGroupBy(Single(query, "groupby"));
        var levelText = Single(query, "aggregationLevel");
        AggregationLevel? level = null;
        if (!string.IsNullOrWhiteSpace(levelText))
        {
            if (groupBy.Count == 0)
            {
                throw new ReferralQueryException("aggregationLevel requires groupby: name the fields to group by, e.g. groupby=status,createdDate.");
            }

            if (!Enum.TryParse<AggregationLevel>(levelText.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)
                || char.IsAsciiDigit(levelText.Trim()[0]))
            {
                throw new ReferralQueryException($"Invalid aggregationLevel '{levelText}': expected day, week or month.");
            }

            level = parsed;
        }

        var top = ParseInteger(query, "top", MaxTop, 1, MaxTop);
        var skip = ParseInteger(query, "skip", 0, 0, int.MaxValue);
        return new ReferralQuery(filter is null ? null : filterText, filter, groupBy, level, top, skip);
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return null;
        }

        // Two values would leave the meaning to guesswork; say so instead.
        return values.Count == 1
            ? values[0]
            : throw new ReferralQueryException($"The parameter '{name}' is given {values.Count} times; give it once.");
    }

    private static List<ReferralField> ParseGroupBy(string? text)
    {
        var fields = new List<ReferralField>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return fields;
        }

        foreach (var part in text.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                throw new ReferralQueryException($"Invalid groupby '{text}': a field name is empty. Separate field names with single commas.");
            }

            if (!ReferralFields.TryParse(name, out var field))
            {
                throw new ReferralQueryException($"Invalid groupby: unknown field '{name}'. Known fields: {ReferralFields.Vocabulary}.");
            }

            if (fields.Contains(field))
            {
                throw new ReferralQueryException($"Invalid groupby: the field '{field.Name()}' is listed twice.");
            }

            fields.Add(field);
        }

        return fields;
    }

    private static int ParseInteger(IQueryCollection query, string name, int fallback, int min, int max)
    {
        var text = Single(query, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ReferralQueryException($"Invalid {name} '{text}': expected an integer from {min} to {max}.");
    }

    public override string ToString() =>
        $"filter={FilterText} groupby={string.Join(',', GroupBy.Select(f => f.Name()))} level={Level} top={Top} skip={Skip}";
}
