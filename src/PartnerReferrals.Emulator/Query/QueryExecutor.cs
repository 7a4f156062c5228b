using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Runs queries over the data set. A paged pull asks the same query again for every page, so results are kept
/// (a few, keyed by filter and grouping) and each page is then a slice: a million-row pull stays linear.
/// </summary>
internal sealed class QueryExecutor(ReferralDataSet data)
{
    private const int CacheSize = 16;
    private readonly ConcurrentDictionary<string, Lazy<QueryResult>> cache = new(StringComparer.Ordinal);

    public QueryResult Execute(ReferralQuery query)
    {
        if (query.Filter is null && query.GroupBy.Count == 0)
        {
            return new RowResult(data.Rows, null);
        }

        if (cache.Count > CacheSize)
        {
            cache.Clear(); // simple and bounded; a cleared entry is only recomputed
        }

        return cache.GetOrAdd(data.Version + "|" + query.ResultKey, _ => new Lazy<QueryResult>(() => Compute(query))).Value;
    }

    private QueryResult Compute(ReferralQuery query)
    {
        var rows = data.Rows;
        var predicate = query.Filter is null ? null : FilterCompiler.Compile(query.Filter);
        if (query.GroupBy.Count == 0)
        {
            var matches = new List<int>();
            for (var i = 0; i < rows.Length; i++)
            {
                if (predicate!(rows[i]))
                {
                    matches.Add(i);
                }
            }

            return new RowResult(rows, matches.ToArray());
        }

        return Group(rows, predicate, query.GroupBy, query.Level ?? AggregationLevel.Day);
    }

    private static GroupResult Group(EmulatorReferral[] rows, Func<EmulatorReferral, bool>? predicate,
        IReadOnlyList<ReferralField> fields, AggregationLevel level)
    {
        var textCodes = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var counts = new Dictionary<int[], int>(CodesComparer.Instance);
        var codes = new int[fields.Count];
        foreach (var row in rows)
        {
            if (predicate is not null && !predicate(row))
            {
                continue;
            }

            for (var f = 0; f < fields.Count; f++)
            {
                codes[f] = fields[f].IsDate()
                    ? DateBuckets.BucketOf(row.GetRawDate(fields[f]), level)
                    : TextCode(textCodes[f], row.GetText(fields[f]));
            }

            // The buffer is reused for lookups; only a new group gets its own copy.
            if (counts.TryGetValue(codes, out var count))
            {
                counts[codes] = count + 1;
            }
            else
            {
                counts[(int[])codes.Clone()] = 1;
            }
        }

        var texts = textCodes.Select(d => d.OrderBy(p => p.Value).Select(p => p.Key).ToArray()).ToArray();
        var groups = counts.Select(p => (p.Key, p.Value)).ToArray();
        Array.Sort(groups, (a, b) => CompareGroups(fields, texts, a.Key, b.Key));
        return new GroupResult(fields, texts, groups);
    }

    private static int TextCode(Dictionary<string, int> codes, string? text)
    {
        if (text is null)
        {
            return -1;
        }

        if (!codes.TryGetValue(text, out var code))
        {
            codes[text] = code = codes.Count;
        }

        return code;
    }

    // Groups in a stable order: field by field, missing values first, text ordinally, dates ascending.
    private static int CompareGroups(IReadOnlyList<ReferralField> fields, string[][] texts, int[] a, int[] b)
    {
        for (var f = 0; f < fields.Count; f++)
        {
            int c;
            if (a[f] == -1 || b[f] == -1 || fields[f].IsDate())
            {
                c = a[f].CompareTo(b[f]);
            }
            else
            {
                c = string.CompareOrdinal(texts[f][a[f]], texts[f][b[f]]);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private sealed class CodesComparer : IEqualityComparer<int[]>
    {
        public static readonly CodesComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = default(HashCode);
            foreach (var code in obj)
            {
                hash.Add(code);
            }

            return hash.ToHashCode();
        }
    }
}
