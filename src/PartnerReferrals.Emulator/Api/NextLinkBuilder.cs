using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Builds <c>@nextLink</c>: relative like the sibling example (<c>referrals?...</c>), repeating every parameter
/// of the request (filter, groupby, unknown ones too) with <c>skip</c> advanced. The documented example is
/// unencoded; we percent-encode each name and value so the link is a valid URI that survives any HTTP stack.
/// Clients must cope with either form.
/// </summary>
internal static class NextLinkBuilder
{
    public static string? Build(string rawQueryString, int skip, int top, int total, int cycleAtPage = 0)
    {
        var next = (long)skip + top;
        if (next >= total)
        {
            return null;
        }

        // A fault (cycleAtPage, 1-based; 0 for none): this page's link points back at the first page.
        if (cycleAtPage > 0 && top > 0 && (skip / top) + 1 == cycleAtPage)
        {
            next = 0;
        }

        var link = new StringBuilder("referrals?");
        foreach (var (name, value) in Pairs(rawQueryString))
        {
            if (name.Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            link.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        return link.Append("skip=").Append(next.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string rawQueryString)
    {
        var query = rawQueryString.StartsWith('?') ? rawQueryString[1..] : rawQueryString;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            yield return (name, value);
        }
    }

    // Form rules, the same ASP.NET Core applies to Request.Query: '+' is a space.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
