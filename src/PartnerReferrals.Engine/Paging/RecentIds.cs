using System;
using System.Collections.Generic;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// The ids of the last <see cref="Capacity"/> distinct rows of a pull, to drop a row the API sends twice. A row
/// is repeated across pages when the data shifts between two page requests: rows inserted before it push it from
/// one page to a later one, by as many rows as were inserted meanwhile. Ids are kept as 64-bit fingerprints in a
/// ring, so memory is fixed (about 30 bytes a row, at most <see cref="Capacity"/> rows: under 4 MB) and holds no
/// strings: a set of every id of a pull kept strings alive into gen2 and cost a quarter of the engine's CPU, and a
/// window of the last few pages' ids (the design before this one) let every repeat through once more rows than
/// those pages hold were inserted mid-pull (25,000 duplicates for 25,000 rows inserted).
/// <para>What this guarantees: a repeat is dropped when fewer than <see cref="Capacity"/> distinct rows were emitted
/// between its first appearance and its repeat, that is, when fewer rows than that were inserted before it while
/// the pull ran. Beyond that it is emitted twice; the pull's TotalCount then changed by at least as much, which the
/// pager reports, unless as many rows were removed meanwhile. Two distinct ids with the same fingerprint (odds about
/// 1 in 10^8 for a million-row pull) would make the second look like a repeat: it is counted with the repeats, and
/// the pager's warning names the count. Rows removed meanwhile make rows skip a page instead, which no
/// de-duplication can see; the TotalCount check reports it.</para>
/// </summary>
internal sealed class RecentIds
{
    /// <summary>Rows remembered by default: five times the 25,000-row shift that defeated the page window.</summary>
    public const int DefaultCapacity = 131_072;

    private readonly HashSet<ulong> held = new();
    private readonly int capacity;
    private ulong[] ring;
    private int next;

    public RecentIds(int capacity = DefaultCapacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }

        this.capacity = capacity;
        // Grown as rows arrive: a 50-row pull should not pay for a million-row one.
        ring = new ulong[Math.Min(capacity, 1024)];
    }

    public int Capacity => capacity;

    /// <summary>Ids held now: at most <see cref="Capacity"/>.</summary>
    public int Count => held.Count;

    /// <summary>Rows dropped as repeats so far.</summary>
    public long Repeats { get; private set; }

    /// <summary>True the first time an id is seen among the last <see cref="Capacity"/> distinct ones; false for a repeat.</summary>
    public bool Add(string id)
    {
        var fingerprint = Fingerprint.Of(id);
        if (!held.Add(fingerprint))
        {
            Repeats++;
            return false;
        }

        if (next == ring.Length)
        {
            if (ring.Length < capacity)
            {
                Array.Resize(ref ring, Math.Min(capacity, ring.Length * 2));
            }
            else
            {
                next = 0;
            }
        }

        if (held.Count > capacity)
        {
            // The oldest id leaves as the new one takes its slot.
            held.Remove(ring[next]);
        }

        ring[next++] = fingerprint;
        return true;
    }
}
