using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Compiles a co-sell <c>$filter</c> into a predicate (choice 5): <c>eq ne gt ge lt le</c> on strings, enums,
/// numbers and dates; <c>and</c>, <c>or</c>, <c>not</c>, parentheses; <c>collection/any(x: x/field eq '…')</c> on
/// the referral's arrays (<c>team</c>, <c>customerProfile/team</c>, …). Strings and enum values compare ignoring
/// case (choice 24). A path the Referral resource does not have is a 400 invalidRequest naming it.
/// </summary>
internal sealed class CoSellFilter
{
    private static readonly string[] Comparisons = ["eq", "ne", "gt", "ge", "lt", "le"];

    private readonly List<string> tokens;
    private readonly JsonObject shape;
    private readonly Dictionary<string, JsonObject> variables = new(StringComparer.Ordinal);
    private int next;

    private CoSellFilter(string text, JsonObject shape)
    {
        tokens = CoSellFilterLexer.Split(text);
        this.shape = shape;
    }

    /// <summary>A predicate over referrals; everything matches an empty filter.</summary>
    public static Func<JsonObject, bool> Compile(string? text, JsonObject shape)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return _ => true;
        }

        var parser = new CoSellFilter(text, shape);
        var predicate = parser.Or();
        parser.Expect(CoSellFilterLexer.End, "the end of the filter");
        return referral => predicate(new Scope(referral, null, null));
    }

    private readonly record struct Scope(JsonObject Referral, string? Variable, JsonNode? Item);

    private Func<Scope, bool> Or()
    {
        var left = And();
        while (Accept("or"))
        {
            var (a, b) = (left, And());
            left = s => a(s) || b(s);
        }

        return left;
    }

    private Func<Scope, bool> And()
    {
        var left = Unary();
        while (Accept("and"))
        {
            var (a, b) = (left, Unary());
            left = s => a(s) && b(s);
        }

        return left;
    }

    private Func<Scope, bool> Unary()
    {
        if (Accept("not"))
        {
            var inner = Unary();
            return s => !inner(s);
        }

        if (Accept("("))
        {
            var inner = Or();
            Expect(")", "')'");
            return inner;
        }

        var path = Take();
        if (path.Length == 0 || CoSellFilterLexer.IsString(path) || "(),:".Contains(path, StringComparison.Ordinal))
        {
            throw CoSellApiException.Invalid($"The $filter expects a field name where it has {Describe(path)}.", "$filter");
        }

        return path.EndsWith("/any", StringComparison.OrdinalIgnoreCase) ? Any(path[..^4]) : Comparison(path);
    }

    private Func<Scope, bool> Any(string collectionPath)
    {
        var (variable, steps) = Resolve(collectionPath, out var element);
        if (element is not JsonArray { Count: > 0 } sample || sample[0] is not JsonObject itemShape)
        {
            throw CoSellApiException.Invalid($"'{collectionPath}' is not a collection of the Referral resource: any() works on collections such as team.", "$filter");
        }

        Expect("(", "'(' after any");
        var name = Take();
        Expect(":", "':' after the lambda variable");
        variables[name] = itemShape;
        var inner = Or();
        variables.Remove(name);
        Expect(")", "')' closing any(");
        return s => Value(s, variable, steps) is JsonArray items
            && items.Any(item => inner(new Scope(s.Referral, name, item)));
    }

    private Func<Scope, bool> Comparison(string path)
    {
        var (variable, steps) = Resolve(path, out _);
        var op = Take().ToLowerInvariant();
        if (!Comparisons.Contains(op))
        {
            throw CoSellApiException.Invalid($"The $filter expects one of eq, ne, gt, ge, lt, le after '{path}', not {Describe(op)}.", "$filter");
        }

        var literal = Take();
        if (literal.Length == 0 || "(),:".Contains(literal, StringComparison.Ordinal))
        {
            throw CoSellApiException.Invalid($"The $filter expects a value after '{path} {op}', not {Describe(literal)}.", "$filter");
        }

        return s =>
        {
            var order = Compare(Value(s, variable, steps), literal);
            return op switch
            {
                "eq" => order == 0,
                "ne" => order != 0,
                "gt" => order > 0,
                "ge" => order >= 0,
                "lt" => order is < 0 and not int.MinValue,
                _ => order is <= 0 and not int.MinValue,
            };
        };
    }

    // The field's value against a literal: 0 when equal, the sign of the order otherwise, int.MinValue when the
    // two cannot be ordered (a null against a value is unequal and neither greater nor smaller).
    private static int Compare(JsonNode? field, string literal)
    {
        var text = field is JsonValue value ? value.ToString() : null;
        if (literal == "null")
        {
            return field is null ? 0 : int.MinValue;
        }

        if (text is null)
        {
            return int.MinValue;
        }

        var expected = CoSellFilterLexer.IsString(literal) ? CoSellFilterLexer.Unquote(literal) : literal;
        if (field!.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).CompareTo(number);
        }

        if (CoSellDates.TryParse(expected, out var date) && expected.Contains('-', StringComparison.Ordinal)
            && CoSellDates.TryParse(text, out var fieldDate))
        {
            return Math.Sign(fieldDate.CompareTo(date));
        }

        return Math.Sign(string.Compare(text, expected, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonNode? Value(Scope scope, string? variable, string[] steps) =>
        CoSellJson.Walk(variable is null ? scope.Referral : scope.Item, steps, out _);

    // A path names a field of the referral, or of the current lambda variable's item; checked against the shape.
    private (string? Variable, string[] Steps) Resolve(string path, out JsonNode? element)
    {
        var steps = path.Split('/');
        if (steps.Length > 1 && variables.TryGetValue(steps[0], out var itemShape))
        {
            element = CoSellJson.Walk(itemShape, steps.AsSpan(1), out var inItem);
            return inItem ? (steps[0], steps[1..]) : throw Unknown(path);
        }

        element = CoSellJson.Walk(shape, steps, out var found);
        return found ? (null, steps) : throw Unknown(path);
    }

    private static CoSellApiException Unknown(string path) =>
        CoSellApiException.Invalid($"The $filter names '{path}', which is not a field of the Referral resource (e.g. status, direction, customerProfile/address/country, team/any(t: t/email eq '...')).", "$filter");

    private string Take() => tokens[Math.Min(next++, tokens.Count - 1)];

    private bool Accept(string word)
    {
        if (string.Equals(tokens[next], word, StringComparison.OrdinalIgnoreCase))
        {
            next++;
            return true;
        }

        return false;
    }

    private void Expect(string word, string what)
    {
        if (!Accept(word))
        {
            throw CoSellApiException.Invalid($"The $filter expects {what} where it has {Describe(tokens[next])}.", "$filter");
        }
    }

    private static string Describe(string token) => token.Length == 0 ? "the end of the filter" : "'" + token + "'";
}
