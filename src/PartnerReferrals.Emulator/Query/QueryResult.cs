using System.Collections.Generic;

namespace PartnerReferrals.Emulator;

/// <summary>The full result of a query before paging: matching rows, or groups with their counts.</summary>
internal abstract class QueryResult
{
    public abstract int Count { get; }
}

/// <summary>Matching rows as indexes into the data set, in its order; <c>null</c> indexes mean every row.</summary>
internal sealed class RowResult(EmulatorReferral[] rows, int[]? indexes) : QueryResult
{
    public override int Count => indexes?.Length ?? rows.Length;

    public EmulatorReferral this[int position] => rows[indexes is null ? position : indexes[position]];
}

/// <summary>
/// Groups: each holds one code per grouped field (an index into <see cref="Texts"/> for a text field, a bucket day
/// for a date field, -1 when missing) and how many rows fell into it.
/// </summary>
internal sealed class GroupResult(IReadOnlyList<ReferralField> fields, string[][] texts, (int[] Codes, int Count)[] groups) : QueryResult
{
    public IReadOnlyList<ReferralField> Fields => fields;

    public string[][] Texts => texts;

    public (int[] Codes, int Count)[] Groups => groups;

    public override int Count => groups.Length;
}
