namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// A stable 64-bit hash of a string (FNV-1a over the UTF-16 code units, then the MurmurHash3 finalizer), so a
/// pull can remember ids and links as 8-byte values instead of strings: no references for the GC to trace, and
/// a fixed cost per entry whatever the string's length.
/// </summary>
internal static class Fingerprint
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        // FNV alone mixes the last characters weakly; the finalizer spreads every bit over the whole value.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
