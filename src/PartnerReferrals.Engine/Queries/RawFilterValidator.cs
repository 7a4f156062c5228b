using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// A light check of a filter written in the API's own grammar: balanced quotes and parentheses, known field
/// names, operators the field supports. It is not a parser; it exists so an obvious typo fails at once, with
/// its position, instead of as a 400 after sign-in and a round trip.
/// </summary>
internal static class RawFilterValidator
{
    private const string Parameter = "Filter";

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "null", "true", "false",
    };

    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        "eq", "ne", "gt", "ge", "lt", "le",
    };

    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase) { "contains", "cast" };

    public static void Validate(string filter)
    {
        var open = new Stack<int>();
        var i = 0;
        string? pendingField = null;
        var valueExpected = false;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }

            var startsValue = false;
            if (c == '\'')
            {
                i = SkipString(filter, i);
                pendingField = null;
            }
            else if (c == '(')
            {
                open.Push(i);
                i++;
            }
            else if (c == ')')
            {
                if (open.Count == 0)
                {
                    throw Syntax(filter, i, "a ')' closes nothing");
                }

                open.Pop();
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < filter.Length && (char.IsLetterOrDigit(filter[i]) || filter[i] == '_' || filter[i] == '.'))
                {
                    i++;
                }

                var word = filter.Substring(start, i - start);
                startsValue = Operators.Contains(word);
                pendingField = CheckWord(filter, word, start, i, pendingField, valueExpected);
            }
            else if (char.IsDigit(c) || c is '-' or '+' or '.')
            {
                // A number or an unquoted date (2024-01-01T00:00:00Z): skip the whole run so its letters are not taken for names.
                i++;
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('(' or ')' or ',' or '\''))
                {
                    i++;
                }
            }
            else
            {
                throw Symbol(filter, i);
            }

            valueExpected = startsValue;
        }

        if (open.Count > 0)
        {
            throw Syntax(filter, open.Peek(), "this '(' is never closed");
        }
    }

    private static string? CheckWord(string filter, string word, int start, int end, string? pendingField, bool valueExpected)
    {
        if (Operators.Contains(word))
        {
            if (pendingField is not null && ReferralFields.TryGet(pendingField, out var field) && !field.Supports(word))
            {
                throw QueryErrors.UnsupportedOperator(Parameter, field, word.ToLowerInvariant(), filter);
            }

            return null;
        }

        if (Keywords.Contains(word) || word.StartsWith("Edm.", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (pendingField is not null && !ReferralFields.TryGet(word, out _))
        {
            // After a field comes its operator: 'like', 'in', 'has' there are operators the grammar lacks, not fields.
            throw UnknownOperator(filter, word, start, pendingField);
        }

        if (NextNonSpace(filter, end) == '(')
        {
            if (!Functions.Contains(word))
            {
                throw Syntax(filter, start, "'" + word + "' is not a function the API documents (use contains or cast)");
            }

            if (string.Equals(word, "contains", StringComparison.OrdinalIgnoreCase))
            {
                CheckContainsArgument(filter, end);
            }

            return null;
        }

        if (!ReferralFields.TryGet(word, out _))
        {
            // After an operator comes a value: a word there is text that lost its quotes, not a field.
            throw valueExpected
                ? QueryErrors.Invalid(
                    "UnknownField",
                    Parameter,
                    word,
                    string.Format(CultureInfo.InvariantCulture, "-Filter: {0} at position {1} is a value without quotes.", word, start + 1),
                    string.Format(CultureInfo.InvariantCulture, "Put text values in single quotes, e.g. status eq '{0}' (a quote inside a value is written twice: 'O''Brien').", word))
                : QueryErrors.Invalid(
                    "UnknownField",
                    Parameter,
                    word,
                    string.Format(CultureInfo.InvariantCulture, "-Filter: '{0}' at position {1} is neither a referral field nor a word of the filter grammar.", word, start + 1),
                    (Suggest(word) is { } near ? "Did you mean '" + near + "'? " : string.Empty) +
                    "Fields: " + ReferralFields.Describe(ReferralFields.All) + "; words: and, or, not, eq, ne, gt, ge, lt, le, null, contains, cast.");
        }

        return word;
    }

    private static PartnerReferralsException UnknownOperator(string filter, string word, int start, string fieldName)
    {
        ReferralFields.TryGet(fieldName, out var field);
        return QueryErrors.Invalid(
            "UnsupportedOperator",
            Parameter,
            word,
            string.Format(CultureInfo.InvariantCulture, "-Filter: '{0}' at position {1} is not an operator of the API's filter grammar.", word, start + 1),
            string.Format(
                CultureInfo.InvariantCulture,
                "Supported operators: eq, ne on every field; gt, ge, lt, le on dates; contains(customerName,'text') for a part of a name. For {0}: {1}.",
                field.Name,
                string.Join(", ", field.Operators)));
    }

    /// <summary>'==' and friends, and text in double quotes: what other query languages write, refused here with the grammar's own way.</summary>
    private static PartnerReferralsException Symbol(string filter, int at)
    {
        if (filter[at] == '"')
        {
            return Syntax(filter, at, "text goes in single quotes, not double ones (status eq 'Won')");
        }

        var end = at;
        while (end < filter.Length && filter[end] is '=' or '!' or '<' or '>' or '&' or '|')
        {
            end++;
        }

        var symbol = filter.Substring(at, Math.Max(1, end - at));
        var word = symbol switch
        {
            "=" or "==" or "===" => "eq",
            "!=" or "<>" or "!==" => "ne",
            ">" => "gt",
            ">=" => "ge",
            "<" => "lt",
            "<=" => "le",
            "&&" or "&" => "and",
            "||" or "|" => "or",
            "!" => "not",
            _ => null,
        };
        return Syntax(filter, at, word is null
            ? "'" + symbol + "' is not part of the API's filter grammar"
            : "'" + symbol + "' is not an operator of the API's filter grammar: write " + word);
    }

    /// <summary>The field or grammar word one typo away from <paramref name="word"/>, if there is exactly one.</summary>
    private static string? Suggest(string word) =>
        Spelling.Nearest(word, Keywords.Concat(Operators).Concat(Functions).Concat(ReferralFields.All.Select(f => f.Name)));

    private static void CheckContainsArgument(string filter, int afterName)
    {
        var i = filter.IndexOf('(', afterName) + 1;
        while (i < filter.Length && char.IsWhiteSpace(filter[i]))
        {
            i++;
        }

        var start = i;
        while (i < filter.Length && (char.IsLetterOrDigit(filter[i]) || filter[i] == '_'))
        {
            i++;
        }

        if (i > start && ReferralFields.TryGet(filter.Substring(start, i - start), out var field) && !field.Supports("contains"))
        {
            throw QueryErrors.UnsupportedOperator(Parameter, field, "contains", filter);
        }
    }

    private static int SkipString(string filter, int quote)
    {
        var i = quote + 1;
        while (i < filter.Length)
        {
            if (filter[i] == '\'')
            {
                if (i + 1 < filter.Length && filter[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        throw Syntax(filter, quote, "this quote is never closed (a quote inside a value is written twice: 'O''Brien')");
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length ? text[i] : '\0';
    }

    private static PartnerReferralsException Syntax(string filter, int index, string what) =>
        QueryErrors.Invalid(
            "InvalidFilterSyntax",
            Parameter,
            filter,
            string.Format(CultureInfo.InvariantCulture, "-Filter: at position {0}, {1}.", index + 1, what),
            "Write the filter in the API's grammar, e.g. status eq 'Accepted' and createdDate ge cast('2024-01-01', Edm.DateTimeOffset).");
}
