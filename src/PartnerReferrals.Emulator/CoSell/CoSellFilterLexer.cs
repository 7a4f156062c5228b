using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Splits a co-sell <c>$filter</c> into tokens. Paths keep their slashes (<c>customerProfile/address/country</c>,
/// <c>team/any</c>, <c>t/email</c>); strings are single-quoted with doubled quotes inside; unquoted literals
/// (numbers, ISO dates, true, false, null) stay words. Kept apart from the analytics API's tokenizer on purpose:
/// the two APIs have different grammars.
/// </summary>
internal static partial class CoSellFilterLexer
{
    public const string End = "";

    [GeneratedRegex(@"\G\s*(?:(?<s>'(?:[^']|'')*')|(?<p>[(),:])|(?<w>[A-Za-z0-9_@$.+\-/]+(?::[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+\-][0-9]{2}:[0-9]{2})?)?))", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>The tokens, each as written (strings keep their quotes), then <see cref="End"/>.</summary>
    public static List<string> Split(string filter)
    {
        var tokens = new List<string>();
        var position = 0;
        while (true)
        {
            var match = Token().Match(filter, position);
            if (!match.Success || match.Length == 0)
            {
                if (filter[position..].Trim().Length > 0)
                {
                    throw CoSellApiException.Invalid($"The $filter cannot be read at position {position + 1}: '{filter[position..].Trim()}'.", "$filter");
                }

                tokens.Add(End);
                return tokens;
            }

            tokens.Add(match.Value.Trim());
            position += match.Length;
        }
    }

    public static bool IsString(string token) => token.Length >= 2 && token[0] == '\'';

    public static string Unquote(string token) => token[1..^1].Replace("''", "'");
}
