using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PartnerReferrals.Engine.Paging;

/// <summary>Tolerant readers of single JSON values: strings that arrive as numbers, counts as strings, dates with or without zone.</summary>
internal static class JsonValues
{
    /// <summary>A property name as the lower-case UTF-8 bytes <see cref="NameIs"/> compares with.</summary>
    public static byte[] Lower(string name) => Encoding.UTF8.GetBytes(name.ToLowerInvariant());

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

        if (!reader.ValueIsEscaped && TryParseApiDate(reader.ValueSpan, out var fast))
        {
            return fast.Ticks == 0 ? null : fast;
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

    /// <summary>
    /// The API's own shape, <c>2018-02-07T23:43:19</c> with an optional <c>Z</c>, parsed digit by digit: three
    /// dates a row make this the hot path, and the general ISO parser costs several times more.
    /// </summary>
    private static bool TryParseApiDate(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if ((text.Length != 19 && !(text.Length == 20 && text[19] == (byte)'Z'))
            || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return false;
        }

        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        var hour = Digits(text, 11, 2);
        var minute = Digits(text, 14, 2);
        var second = Digits(text, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    /// <summary>The number in <paramref name="count"/> ASCII digits, or -1 when one is not a digit.</summary>
    private static int Digits(ReadOnlySpan<byte> text, int start, int count)
    {
        var result = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - (byte)'0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            result = (result * 10) + digit;
        }

        return result;
    }
}
