using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PartnerReferrals.Emulator;

/// <summary>Reads rows from a JSON array of referral objects or from a CSV file whose header holds the API field names.</summary>
internal static class ReferralFileLoader
{
    public static EmulatorReferral[] Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var first = FirstNonSpace(bytes, start);
        return first == (byte)'[' ? LoadJson(bytes.AsSpan(start), path) : CsvReferralReader.Read(bytes.AsMemory(start), path);
    }

    private static int FirstNonSpace(byte[] bytes, int start)
    {
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return bytes[i];
            }
        }

        return -1;
    }

    private static EmulatorReferral[] LoadJson(ReadOnlySpan<byte> json, string path)
    {
        var rows = new List<EmulatorReferral>();
        var builder = new ReferralRowBuilder();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            reader.Read(); // '['
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var where = $"{path}: row {rows.Count + 1}";
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new FormatException($"{where}: expected an object.");
                }

                builder.Reset();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.Null:
                            builder.Set(name, null, where);
                            break;
                        case JsonTokenType.String:
                            builder.Set(name, reader.GetString(), where);
                            break;
                        case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                            // Ids written as numbers are still ids.
                            builder.Set(name, System.Text.Encoding.UTF8.GetString(reader.ValueSpan), where);
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }

                rows.Add(builder.Build(where));
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON: {e.Message}", e);
        }

        return rows.ToArray();
    }
}
