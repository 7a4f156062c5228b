using System;
using System.Text;
using System.Text.Json;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Reuses one string instance for values that repeat on every row (status, markets, org size): a page of
/// 10,000 rows then allocates a few dozen strings instead of 40,000. Bounded, so a field that turns out
/// not to repeat costs a short scan and nothing more.
/// </summary>
internal sealed class RepeatedStrings
{
    private const int Capacity = 64;

    private readonly byte[][] keys = new byte[Capacity][];
    private readonly string[] values = new string[Capacity];
    private int count;

    public string? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return JsonValues.ReadString(ref reader);
        }

        var span = reader.ValueSpan;
        for (var i = 0; i < count; i++)
        {
            if (span.SequenceEqual(keys[i]))
            {
                return values[i];
            }
        }

        var text = Encoding.UTF8.GetString(span.ToArray());
        if (count < Capacity)
        {
            keys[count] = span.ToArray();
            values[count] = text;
            count++;
        }

        return text;
    }
}
