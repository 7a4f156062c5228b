using System;
using System.Text.Json;

namespace PartnerReferrals.Emulator;

/// <summary>Pre-encoded names and the date form of the API's JSON, shared by every writer.</summary>
internal static class ApiJson
{
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("Value");
    public static readonly JsonEncodedText NextLink = JsonEncodedText.Encode("@nextLink");
    public static readonly JsonEncodedText TotalCount = JsonEncodedText.Encode("TotalCount");
    public static readonly JsonEncodedText ReferralCount = JsonEncodedText.Encode("referralCount");

    /// <summary>Writes <c>2018-02-07T23:43:19</c>: UTC with no zone and no fractions, as the documented example does.</summary>
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateTime utc)
    {
        Span<byte> buffer = stackalloc byte[19];
        Digits(buffer[..4], utc.Year);
        buffer[4] = (byte)'-';
        Digits(buffer.Slice(5, 2), utc.Month);
        buffer[7] = (byte)'-';
        Digits(buffer.Slice(8, 2), utc.Day);
        buffer[10] = (byte)'T';
        Digits(buffer.Slice(11, 2), utc.Hour);
        buffer[13] = (byte)':';
        Digits(buffer.Slice(14, 2), utc.Minute);
        buffer[16] = (byte)':';
        Digits(buffer.Slice(17, 2), utc.Second);
        writer.WriteString(name, buffer);
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
