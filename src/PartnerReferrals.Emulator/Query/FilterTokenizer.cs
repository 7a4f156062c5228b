using System.Collections.Generic;
using System.Text;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Splits a filter into tokens: words (field names, operators, <c>Edm.DateTimeOffset</c>), single-quoted strings
/// with doubled quotes inside (the OData rule), numbers, parentheses and commas.
/// </summary>
internal static class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string filter)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < filter.Length && char.IsWhiteSpace(filter[i]))
            {
                i++;
            }

            if (i >= filter.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, filter.Length + 1));
                return tokens;
            }

            var start = i;
            var c = filter[i];
            switch (c)
            {
                case '(':
                    tokens.Add(new FilterToken(FilterTokenKind.OpenParen, "(", start + 1));
                    i++;
                    break;
                case ')':
                    tokens.Add(new FilterToken(FilterTokenKind.CloseParen, ")", start + 1));
                    i++;
                    break;
                case ',':
                    tokens.Add(new FilterToken(FilterTokenKind.Comma, ",", start + 1));
                    i++;
                    break;
                case '\'':
                    tokens.Add(new FilterToken(FilterTokenKind.String, ReadString(filter, ref i), start + 1));
                    break;
                default:
                    if (char.IsAsciiLetter(c) || c == '_')
                    {
                        while (i < filter.Length && (char.IsAsciiLetterOrDigit(filter[i]) || filter[i] is '_' or '.'))
                        {
                            i++;
                        }

                        tokens.Add(new FilterToken(FilterTokenKind.Identifier, filter[start..i], start + 1));
                    }
                    else if (char.IsAsciiDigit(c) || c is '-' or '+')
                    {
                        i++;
                        while (i < filter.Length && (char.IsAsciiLetterOrDigit(filter[i]) || filter[i] is '.' or ':' or '-' or '+'))
                        {
                            i++;
                        }

                        tokens.Add(new FilterToken(FilterTokenKind.Number, filter[start..i], start + 1));
                    }
                    else
                    {
                        throw new ReferralQueryException(
                            $"Invalid filter at position {start + 1}: unexpected character '{c}'. Expected a field name, " +
                            "a quoted string, a parenthesis or a comma.");
                    }

                    break;
            }
        }
    }

    private static string ReadString(string filter, ref int i)
    {
        var start = i;
        var text = new StringBuilder();
        i++; // opening quote
        while (i < filter.Length)
        {
            if (filter[i] != '\'')
            {
                text.Append(filter[i++]);
            }
            else if (i + 1 < filter.Length && filter[i + 1] == '\'')
            {
                text.Append('\'');
                i += 2;
            }
            else
            {
                i++;
                return text.ToString();
            }
        }

        throw new ReferralQueryException(
            $"Invalid filter at position {start + 1}: the string that starts here has no closing quote. " +
            "Write a quote inside a string as two quotes, e.g. 'O''Brien'.");
    }
}
