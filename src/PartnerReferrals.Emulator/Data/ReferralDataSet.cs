using System;
using System.Collections.Generic;
using System.Threading;

namespace PartnerReferrals.Emulator;

/// <summary>The rows an emulator serves, in the endpoint's stable order: createdDate (missing first), then id.</summary>
internal sealed class ReferralDataSet
{
    private EmulatorReferral[] rows;
    private int version;

    private ReferralDataSet(EmulatorReferral[] rows) => this.rows = rows;

    /// <summary>The rows now; a <see cref="DataShift"/> replaces them while requests run.</summary>
    public EmulatorReferral[] Rows => Volatile.Read(ref rows);

    /// <summary>Changes with every replacement, so cached query results of older rows are never served.</summary>
    public int Version => Volatile.Read(ref version);

    /// <summary>Swaps in rows already in the endpoint's order.</summary>
    internal void Replace(EmulatorReferral[] shifted)
    {
        Volatile.Write(ref rows, shifted);
        Interlocked.Increment(ref version);
    }

    /// <summary>The oldest and newest date of any field in the rows (null when no row has a date), for the start-up banner.</summary>
    public (DateTime? Oldest, DateTime? Newest) DateRange()
    {
        uint oldest = uint.MaxValue, newest = RowDate.Missing;
        foreach (var row in Rows)
        {
            foreach (var field in ReferralFields.All)
            {
                if (field.IsDate() && row.GetRawDate(field) is var raw && raw != RowDate.Missing)
                {
                    oldest = Math.Min(oldest, raw);
                    newest = Math.Max(newest, raw);
                }
            }
        }

        return newest == RowDate.Missing ? (null, null) : (RowDate.ToDateTime(oldest), RowDate.ToDateTime(newest));
    }

    public static ReferralDataSet Create(EmulatorOptions options)
    {
        var rows = options.DataFile is { } file
            ? ReferralFileLoader.Load(file)
            : ReferralGenerator.Generate(options.ReferralCount, options.Seed, options.AsOf ?? DateTimeOffset.UtcNow);
        if (!IsOrdered(rows))
        {
            // Stable sort keeps file order among identical keys, so the order never depends on the sort.
            var keyed = new (EmulatorReferral Row, int Index)[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                keyed[i] = (rows[i], i);
            }

            Array.Sort(keyed, (a, b) => Compare(a.Row, b.Row) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = keyed[i].Row;
            }
        }

        return new ReferralDataSet(rows);
    }

    private static bool IsOrdered(IReadOnlyList<EmulatorReferral> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (Compare(rows[i - 1], rows[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Compare(EmulatorReferral a, EmulatorReferral b)
    {
        var byDate = a.GetRawDate(ReferralField.CreatedDate).CompareTo(b.GetRawDate(ReferralField.CreatedDate));
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
    }
}
