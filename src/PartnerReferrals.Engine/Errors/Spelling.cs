using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Engine;

/// <summary>The "did you mean" of every message that meets a typo: a filter word, a status, an org size.</summary>
public static class Spelling
{
    /// <summary>
    /// The one candidate a typo or two away from <paramref name="word"/> (ignoring case; one for names of up to four
    /// letters), or null when none is, or several are: a guess between two would mislead.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        var typed = (word ?? string.Empty).ToUpperInvariant();
        var near = (candidates ?? throw new ArgumentNullException(nameof(candidates)))
            .Where(known => Distance(typed, known.ToUpperInvariant()) <= (known.Length > 4 ? 2 : 1))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return near.Count == 1 ? near[0] : null;
    }

    /// <summary>Levenshtein distance: letters inserted, deleted or replaced.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
