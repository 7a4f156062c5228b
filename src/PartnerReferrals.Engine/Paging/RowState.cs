using System;
using System.Collections.Generic;
using System.Linq;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Paging;

/// <summary>Per-page state: the field order the rows repeat, repeated-string caches, and what a grouped row holds.</summary>
internal sealed class RowState
{
    /// <summary>The names <see cref="ReferralRowReader"/> knows, as lower-case UTF-8: the catalogue's fields by index, then the count.</summary>
    public static readonly byte[][] Names = [.. ReferralFields.All.Select(f => JsonValues.Lower(f.Name)), JsonValues.Lower("referralCount")];

    public static readonly int CountIndex = ReferralFields.All.Count;

    private readonly string? level;
    private readonly ReferralField[] grouped;

    // Which field came at each position of the last row (-1: none known), so the next row's names are checked once each.
    private readonly int[] order = Enumerable.Repeat(-1, 32).ToArray();

    public RowState(string? groupBy, string? aggregationLevel)
    {
        GroupBy = groupBy;
        grouped = [.. (groupBy ?? string.Empty).Split(',').Select(n => ReferralFields.TryGet(n, out var f) ? f : null).OfType<ReferralField>().Distinct()];
        Slots = [.. ReferralFields.All.Select(f => Array.IndexOf(grouped, f))];
        // The API buckets a grouped date by day when no level is given (API.md), so the row says so.
        level = grouped.Any(f => f.Kind == ReferralFieldKind.Date) ? ReferralFields.LevelOf(aggregationLevel) ?? "Day" : null;
    }

    public string? GroupBy { get; }

    /// <summary>For each field of the catalogue, its place among a grouped row's values, or -1 when it is not grouped.</summary>
    public int[] Slots { get; }

    public int GroupedCount => grouped.Length;

    public RepeatedStrings Status { get; } = new();

    public RepeatedStrings CustomerMarket { get; } = new();

    public RepeatedStrings PartnerMarket { get; } = new();

    public RepeatedStrings OrgSize { get; } = new();

    /// <summary>The index in <see cref="Names"/> of the property at <paramref name="position"/> of a row, or -1 for an unknown one.</summary>
    public int FieldAt(int position, ReadOnlySpan<byte> name)
    {
        // Rows of one page repeat their property order: the field seen at this position before is nearly always right.
        var guess = position < order.Length ? order[position] : -1;
        if (guess >= 0 && JsonValues.NameIs(name, Names[guess]))
        {
            return guess;
        }

        var index = -1;
        for (var i = 0; i < Names.Length && index < 0; i++)
        {
            index = JsonValues.NameIs(name, Names[i]) ? i : -1;
        }

        if (position < order.Length)
        {
            order[position] = index;
        }

        return index;
    }

    /// <summary>A grouped row of <paramref name="values"/> (one per grouped field, in <see cref="Slots"/> order).</summary>
    public ReferralGroup Group(object?[] values, long count)
    {
        var named = grouped.Select((f, i) => new KeyValuePair<string, object?>(f.Property, values[i]));
        return new ReferralGroup(GroupBy, level is null ? named : named.Append(new("AggregationLevel", level))) { ReferralCount = count };
    }
}
