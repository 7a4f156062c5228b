using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>JSON helpers of the co-sell side: UTF-8 output without \u escapes, and field paths (<c>customerProfile/address/country</c>).</summary>
internal static class CoSellJson
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Output);

    /// <summary>A property of an object, its name matched ignoring case; the name as stored, or null.</summary>
    public static string? PropertyName(JsonObject? target, string name)
    {
        if (target is null)
        {
            return null;
        }

        if (target.ContainsKey(name))
        {
            return name;
        }

        foreach (var property in target)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Key;
            }
        }

        return null;
    }

    /// <summary>Walks a slash-separated path; <c>found</c> is false when a step does not exist (a null value exists).</summary>
    public static JsonNode? Walk(JsonNode? node, ReadOnlySpan<string> path, out bool found)
    {
        foreach (var step in path)
        {
            if (node is not JsonObject target || PropertyName(target, step) is not { } name)
            {
                found = false;
                return null;
            }

            node = target[name];
        }

        found = true;
        return node;
    }

    /// <summary>The text of a string value, or null.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
