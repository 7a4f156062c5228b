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

    private static readonly int EpochDayNumber = DateOnly.FromDateTime(RowDate.Epoch).DayNumber;

    /// <summary>Writes <c>2018-02-07T23:43:19</c>: UTC with no zone and no fractions, as the documented example does.</summary>
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateTime utc) =>
        WriteDate(writer, name, RowDate.FromDateTime(utc));

    /// <summary>The same from a row's stored date: the hot path of a page, so no DateTime arithmetic per field.</summary>
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, uint rawDate)
    {
        var seconds = rawDate - 1L;
        var (year, month, day) = DateOnly.FromDayNumber(EpochDayNumber + (int)(seconds / 86_400));
        var secondOfDay = (int)(seconds % 86_400);
        Span<byte> buffer = stackalloc byte[19];
        Digits(buffer[..4], year);
        buffer[4] = (byte)'-';
        Digits(buffer.Slice(5, 2), month);
        buffer[7] = (byte)'-';
        Digits(buffer.Slice(8, 2), day);
        buffer[10] = (byte)'T';
        Digits(buffer.Slice(11, 2), secondOfDay / 3600);
        buffer[13] = (byte)':';
        Digits(buffer.Slice(14, 2), secondOfDay / 60 % 60);
        buffer[16] = (byte)':';
        Digits(buffer.Slice(17, 2), secondOfDay % 60);
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
