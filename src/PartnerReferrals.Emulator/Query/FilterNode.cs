using System;
using System.Collections.Generic;

namespace PartnerReferrals.Emulator;

/// <summary>The syntax tree of a filter. And/or nodes hold a list, so long chains stay shallow.</summary>
internal abstract record FilterNode;

internal sealed record AndNode(IReadOnlyList<FilterNode> Operands) : FilterNode;

internal sealed record OrNode(IReadOnlyList<FilterNode> Operands) : FilterNode;

/// <summary><c>field op value</c>; <see cref="Value"/> is already typed for the field (text, date or null).</summary>
internal sealed record ComparisonNode(ReferralField Field, ComparisonOperator Operator, FilterLiteral Value) : FilterNode;

/// <summary><c>contains(field,'text')</c>.</summary>
internal sealed record ContainsNode(ReferralField Field, string Text) : FilterNode;

internal enum ComparisonOperator
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
}

internal enum FilterLiteralKind
{
    Null,
    Text,
    Date,
}

/// <summary>A value in a filter; a date is kept in UTC ticks because a literal may carry fractions of a second.</summary>
internal readonly record struct FilterLiteral(FilterLiteralKind Kind, string? Text, long DateTicks)
{
    public static FilterLiteral Null => new(FilterLiteralKind.Null, null, 0);

    public static FilterLiteral FromText(string text) => new(FilterLiteralKind.Text, text, 0);

    public static FilterLiteral FromDate(DateTime utc) => new(FilterLiteralKind.Date, null, utc.Ticks);
}
