using System;
using System.Linq;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Turns a parsed filter into a predicate over rows. Null rules (API.md): <c>eq null</c>/<c>ne null</c> test for a
/// missing value; any other comparison with null matches nothing; a missing value matches <c>ne</c> against any
/// value and fails eq, gt, ge, lt, le. Text compares ordinally ignoring case, which folds non-ASCII letters too.
/// </summary>
internal static class FilterCompiler
{
    public static Func<EmulatorReferral, bool> Compile(FilterNode node) => node switch
    {
        AndNode and => All(and.Operands.Select(Compile).ToArray()),
        OrNode or => Any(or.Operands.Select(Compile).ToArray()),
        ContainsNode contains => Contains(contains),
        ComparisonNode { Value.Kind: FilterLiteralKind.Null } comparison => CompareWithNull(comparison),
        ComparisonNode comparison when comparison.Field.IsDate() => CompareDate(comparison),
        ComparisonNode comparison => CompareText(comparison),
        _ => throw new InvalidOperationException("unknown filter node " + node.GetType().Name),
    };

    private static Func<EmulatorReferral, bool> All(Func<EmulatorReferral, bool>[] parts) => row =>
    {
        foreach (var part in parts)
        {
            if (!part(row))
            {
                return false;
            }
        }

        return true;
    };

    private static Func<EmulatorReferral, bool> Any(Func<EmulatorReferral, bool>[] parts) => row =>
    {
        foreach (var part in parts)
        {
            if (part(row))
            {
                return true;
            }
        }

        return false;
    };

    private static Func<EmulatorReferral, bool> Contains(ContainsNode node)
    {
        var field = node.Field;
        var text = node.Text;
        return row => row.GetText(field)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
    }

    private static Func<EmulatorReferral, bool> CompareWithNull(ComparisonNode node)
    {
        var field = node.Field;
        var isDate = field.IsDate();
        return node.Operator switch
        {
            ComparisonOperator.Eq => isDate ? row => row.GetRawDate(field) == RowDate.Missing : row => row.GetText(field) is null,
            ComparisonOperator.Ne => isDate ? row => row.GetRawDate(field) != RowDate.Missing : row => row.GetText(field) is not null,
            _ => _ => false,
        };
    }

    private static Func<EmulatorReferral, bool> CompareText(ComparisonNode node)
    {
        var field = node.Field;
        var text = node.Value.Text;
        return node.Operator == ComparisonOperator.Eq
            ? row => string.Equals(row.GetText(field), text, StringComparison.OrdinalIgnoreCase)
            : row => !string.Equals(row.GetText(field), text, StringComparison.OrdinalIgnoreCase);
    }

    private static Func<EmulatorReferral, bool> CompareDate(ComparisonNode node)
    {
        var field = node.Field;
        var literal = node.Value.DateTicks;
        return node.Operator switch
        {
            ComparisonOperator.Eq => row => row.GetRawDate(field) is var raw && raw != RowDate.Missing && RowDate.ToTicks(raw) == literal,
            ComparisonOperator.Ne => row => row.GetRawDate(field) is var raw && (raw == RowDate.Missing || RowDate.ToTicks(raw) != literal),
            ComparisonOperator.Gt => row => row.GetRawDate(field) is var raw && raw != RowDate.Missing && RowDate.ToTicks(raw) > literal,
            ComparisonOperator.Ge => row => row.GetRawDate(field) is var raw && raw != RowDate.Missing && RowDate.ToTicks(raw) >= literal,
            ComparisonOperator.Lt => row => row.GetRawDate(field) is var raw && raw != RowDate.Missing && RowDate.ToTicks(raw) < literal,
            ComparisonOperator.Le => row => row.GetRawDate(field) is var raw && raw != RowDate.Missing && RowDate.ToTicks(raw) <= literal,
            _ => throw new InvalidOperationException("unknown operator " + node.Operator),
        };
    }
}
