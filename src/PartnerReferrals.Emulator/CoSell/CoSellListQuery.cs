using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The OData options of <c>GET /referrals</c> (§1.1, choices 1–7): <c>$filter</c>, <c>$orderby</c> (createdDateTime or
/// updatedDateTime, asc or desc; default createdDateTime desc), <c>$top</c> (a limit on the whole result; pages hold at
/// most 100), <c>$skip</c>, <c>$skiptoken</c> (opaque base64 of an offset), <c>$select</c> (top-level fields),
/// <c>$count=true</c> (adds <c>@odata.count</c>); <c>$expand</c> is accepted and ignored.
/// </summary>
internal sealed class CoSellListQuery
{
    public const int PageSize = 100;
    private static readonly string[] OrderFields = ["createdDateTime", "updatedDateTime"];

    private CoSellListQuery(Func<JsonObject, bool> filter, IReadOnlyList<(string Field, bool Descending)> order, int skip, int? top, int position, string[]? select, bool count)
    {
        Filter = filter;
        Order = order;
        Skip = skip;
        Top = top;
        Position = position;
        Select = select;
        Count = count;
    }

    public Func<JsonObject, bool> Filter { get; }

    public IReadOnlyList<(string Field, bool Descending)> Order { get; }

    public int Skip { get; }

    public int? Top { get; }

    /// <summary>Where this page starts in the ordered result: <c>$skiptoken</c>'s offset, else <c>$skip</c>.</summary>
    public int Position { get; }

    public string[]? Select { get; }

    public bool Count { get; }

    public static CoSellListQuery Parse(IQueryCollection query, JsonObject shape)
    {
        var filter = CoSellFilter.Compile(Single(query, "$filter"), shape);
        var skip = Number(query, "$skip") ?? 0;
        var position = Single(query, "$skiptoken") is { } token ? SkipToken(token) : skip;
        var select = Single(query, "$select") is { Length: > 0 } fields ? SelectedFields(fields, shape) : null;
        var count = Single(query, "$count") is { } c && (bool.TryParse(c, out var flag) ? flag : throw CoSellApiException.Invalid($"$count must be true or false, not '{c}'.", "$count"));
        return new CoSellListQuery(filter, OrderBy(Single(query, "$orderby")), skip, Number(query, "$top"), position, select, count);
    }

    /// <summary>The range of the ordered result this page covers, and where the whole answer ends.</summary>
    public (int Start, int End, int Limit) PageOf(int matching)
    {
        var limit = Top is { } top ? Math.Min(matching, Skip + top) : matching;
        var start = Math.Min(Position, limit);
        return (start, Math.Min(limit, start + PageSize), limit);
    }

    /// <summary>The rows in <see cref="Order"/>, then by id; the keys are read once per row, not per comparison.</summary>
    public List<JsonObject> Sorted(IEnumerable<JsonObject> rows)
    {
        var keyed = rows.Select(row => (Row: row, Keys: Order.Select(o => (string?)row[o.Field] ?? string.Empty).Append((string?)row["id"] ?? string.Empty).ToArray())).ToList();
        keyed.Sort((a, b) =>
        {
            for (var i = 0; i < a.Keys.Length; i++)
            {
                var order = string.CompareOrdinal(a.Keys[i], b.Keys[i]);
                if (order != 0)
                {
                    return i < Order.Count && Order[i].Descending ? -order : order;
                }
            }

            return 0;
        });
        return keyed.ConvertAll(k => k.Row);
    }

    public static string EncodeSkipToken(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int SkipToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw CoSellApiException.Invalid("The $skiptoken is not one this service issued: follow @odata.nextLink as given.", "$skiptoken");
    }

    private static List<(string, bool)> OrderBy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [("createdDateTime", true)];
        }

        var order = new List<(string, bool)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var field = words.Length is 1 or 2 ? OrderFields.FirstOrDefault(f => string.Equals(f, words[0], StringComparison.OrdinalIgnoreCase)) : null;
            var direction = words.Length == 2 ? words[1].ToLowerInvariant() : "asc";
            if (field is null || direction is not ("asc" or "desc"))
            {
                throw CoSellApiException.Invalid($"$orderby '{part}' is not supported: order by createdDateTime or updatedDateTime, asc or desc.", "$orderby");
            }

            order.Add((field, direction == "desc"));
        }

        return order;
    }

    private static string[] SelectedFields(string text, JsonObject shape) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(field => CoSellJson.PropertyName(shape, field)
                ?? throw CoSellApiException.Invalid($"$select names '{field}', which is not a field of the Referral resource.", "$select"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static int? Number(IQueryCollection query, string name) => Single(query, name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw CoSellApiException.Invalid($"{name} must be a whole number of 0 or more, not '{text}'.", name),
    };

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw CoSellApiException.Invalid($"{name} is given more than once.", name),
        };
    }
}
