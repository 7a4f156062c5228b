using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PartnerReferrals.Engine.Paging;

/// <summary>Tolerant readers of single JSON values: strings that arrive as numbers, counts as strings, dates with or without zone.</summary>
internal static class JsonValues
{
    /// <summary>Case-insensitive ASCII comparison of a property name with a lower-case letters-only name.</summary>
    public static bool NameIs(ReadOnlySpan<byte> name, byte[] lowerCase)
    {
        if (name.Length != lowerCase.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            // ORing 0x20 lower-cases ASCII letters; no non-letter maps onto a lower-case letter this way.
            if ((name[i] | 0x20) != lowerCase[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The raw property name, unescaped only when it was escaped (rare; costs an allocation).</summary>
    public static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    public static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public static long? ReadCount(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                throw new JsonException("A count holds '" + text + "', which is not a number.");
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A UTC date, or null for null, empty and <c>0001-01-01T00:00:00</c> (the API's "never"). A date without
    /// a zone is UTC, as the API documents; one with an offset is converted.
    /// </summary>
    public static DateTime? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return null;
        }

        if (reader.ValueSpan.Length == 0 && !reader.ValueIsEscaped)
        {
            return null;
        }

        if (!reader.TryGetDateTime(out var value))
        {
            var text = reader.GetString();
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
            {
                throw new JsonException("A date holds '" + text + "', which is not a date.");
            }
        }

        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        return utc.Ticks == 0 ? null : utc;
    }
}
