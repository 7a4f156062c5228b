using System;
using System.Collections.Generic;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Recursive-descent parser of the documented filter grammar:
/// <code>
/// or         := and ('or' and)*
/// and        := primary ('and' primary)*          ('and' binds tighter than 'or')
/// primary    := '(' or ')' | 'contains' '(' field ',' string ')' | field op value
/// op         := eq | ne | gt | ge | lt | le        (gt..le on date fields only)
/// value      := string | null | true | false | cast '(' string ',' Edm.DateTimeOffset ')'
/// </code>
/// Field rules are checked while parsing so that every error can point at a character position.
/// Keywords ignore case, like field names.
/// </summary>
internal sealed class FilterParser
{
    // Deep nesting would only serve to exhaust the stack; no real filter nests this deep.
    private const int MaxDepth = 64;

    private readonly List<FilterToken> tokens;
    private int index;
    private int depth;

    private FilterParser(List<FilterToken> tokens) => this.tokens = tokens;

    private FilterToken Current => tokens[index];

    public static FilterNode Parse(string filter)
    {
        var parser = new FilterParser(FilterTokenizer.Tokenize(filter));
        if (parser.Current.Kind == FilterTokenKind.End)
        {
            throw new ReferralQueryException("Invalid filter: the filter is empty. Expected a condition such as status eq 'Accepted'.");
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind != FilterTokenKind.End)
        {
            throw Error(parser.Current, "'and', 'or' or the end of the filter");
        }

        return node;
    }

    private static ReferralQueryException Error(FilterToken at, string expected) =>
        new($"Invalid filter at position {at.Position}: expected {expected} but found {at.Describe()}.");

    private FilterNode ParseOr()
    {
        var operands = new List<FilterNode> { ParseAnd() };
        while (Current.IsWord("or"))
        {
            index++;
            operands.Add(ParseAnd());
        }

        return operands.Count == 1 ? operands[0] : new OrNode(operands);
    }

    private FilterNode ParseAnd()
    {
        var operands = new List<FilterNode> { ParsePrimary() };
        while (Current.IsWord("and"))
        {
            index++;
            operands.Add(ParsePrimary());
        }

        return operands.Count == 1 ? operands[0] : new AndNode(operands);
    }

    private FilterNode ParsePrimary()
    {
        var token = Current;
        if (token.Kind == FilterTokenKind.OpenParen)
        {
            if (++depth > MaxDepth)
            {
                throw new ReferralQueryException($"Invalid filter at position {token.Position}: parentheses nest deeper than {MaxDepth} levels.");
            }

            index++;
            var inner = ParseOr();
            Expect(FilterTokenKind.CloseParen, "')'");
            depth--;
            return inner;
        }

        if (token.Kind != FilterTokenKind.Identifier)
        {
            throw Error(token, "a field name, 'contains(' or '('");
        }

        if (token.IsWord("contains") && tokens[index + 1].Kind == FilterTokenKind.OpenParen)
        {
            return ParseContains();
        }

        if (tokens[index + 1].Kind == FilterTokenKind.OpenParen)
        {
            throw new ReferralQueryException(
                $"Invalid filter at position {token.Position}: the function '{token.Text}' is not supported. Supported: contains(customerName,'text').");
        }

        var field = ParseField();
        var op = ParseOperator(field);
        return new ComparisonNode(field, op, ParseValue(field));
    }

    private ContainsNode ParseContains()
    {
        index += 2; // contains (
        var fieldToken = Current;
        var field = ParseField();
        if (!field.IsName())
        {
            throw new ReferralQueryException(
                $"Invalid filter at position {fieldToken.Position}: contains() works on name fields only (customerName), not on '{field.Name()}'.");
        }

        Expect(FilterTokenKind.Comma, "','");
        var text = Current;
        if (text.Kind != FilterTokenKind.String)
        {
            throw Error(text, "a quoted string");
        }

        index++;
        Expect(FilterTokenKind.CloseParen, "')'");
        return new ContainsNode(field, text.Text);
    }

    private ReferralField ParseField()
    {
        var token = Current;
        if (token.Kind != FilterTokenKind.Identifier)
        {
            throw Error(token, "a field name");
        }

        if (!ReferralFields.TryParse(token.Text, out var field))
        {
            throw new ReferralQueryException(
                $"Invalid filter at position {token.Position}: unknown field '{token.Text}'. Known fields: {ReferralFields.Vocabulary}.");
        }

        index++;
        return field;
    }

    private ComparisonOperator ParseOperator(ReferralField field)
    {
        var token = Current;
        if (token.Kind != FilterTokenKind.Identifier || !Enum.TryParse<ComparisonOperator>(token.Text, ignoreCase: true, out var op)
            || !Enum.IsDefined(op) || char.IsAsciiDigit(token.Text[0]))
        {
            throw Error(token, "an operator (eq, ne, gt, ge, lt, le)");
        }

        if (op is not (ComparisonOperator.Eq or ComparisonOperator.Ne) && !field.IsDate())
        {
            throw new ReferralQueryException(
                $"Invalid filter at position {token.Position}: the operator '{token.Text}' is not supported on '{field.Name()}'; " +
                "gt, ge, lt and le work on date fields only, eq and ne on every field.");
        }

        index++;
        return op;
    }

    private FilterLiteral ParseValue(ReferralField field)
    {
        var token = Current;
        if (token.Kind == FilterTokenKind.String)
        {
            index++;
            return field.IsDate() ? FilterLiteral.FromDate(ParseDate(token)) : FilterLiteral.FromText(token.Text);
        }

        if (token.IsWord("null"))
        {
            index++;
            return FilterLiteral.Null;
        }

        if (token.IsWord("true") || token.IsWord("false"))
        {
            throw new ReferralQueryException(
                $"Invalid filter at position {token.Position}: '{field.Name()}' is a {(field.IsDate() ? "date" : "text")} field and cannot be compared with a boolean.");
        }

        if (token.IsWord("cast") && tokens[index + 1].Kind == FilterTokenKind.OpenParen)
        {
            if (!field.IsDate())
            {
                throw new ReferralQueryException(
                    $"Invalid filter at position {token.Position}: '{field.Name()}' is a text field; compare it with a quoted string, not a date.");
            }

            return FilterLiteral.FromDate(ParseCast());
        }

        throw Error(token, field.IsDate()
            ? "a date (cast('2018-01-01', Edm.DateTimeOffset) or '2018-01-01') or null"
            : "a quoted string or null");
    }

    private DateTime ParseCast()
    {
        index += 2; // cast (
        var text = Current;
        if (text.Kind != FilterTokenKind.String)
        {
            throw Error(text, "a quoted date");
        }

        index++;
        Expect(FilterTokenKind.Comma, "','");
        var type = Current;
        if (!type.IsWord("Edm.DateTimeOffset"))
        {
            throw Error(type, "Edm.DateTimeOffset");
        }

        index++;
        Expect(FilterTokenKind.CloseParen, "')'");
        return ParseDate(text);
    }

    private static DateTime ParseDate(FilterToken token) =>
        FilterDates.TryParse(token.Text, out var utc)
            ? utc
            : throw new ReferralQueryException(
                $"Invalid filter at position {token.Position}: '{token.Text}' is not a date; expected an ISO 8601 date such as '2018-01-01' or '2018-01-01T10:30:00Z'.");

    private void Expect(FilterTokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            throw Error(Current, expected);
        }

        index++;
    }
}
