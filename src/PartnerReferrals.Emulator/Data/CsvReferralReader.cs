using System;
using System.Collections.Generic;
using System.Text;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) with a header of API field
/// names. An empty cell is a missing value: that is how <c>Export-Csv</c> writes nulls.
/// </summary>
internal static class CsvReferralReader
{
    public static EmulatorReferral[] Read(ReadOnlyMemory<byte> bytes, string path)
    {
        var text = Encoding.UTF8.GetString(bytes.Span);
        var position = 0;
        var header = ReadRecord(text, ref position);
        if (header is null)
        {
            return [];
        }

        var rows = new List<EmulatorReferral>();
        var builder = new ReferralRowBuilder();
        var line = 1;
        while (ReadRecord(text, ref position) is { } record)
        {
            line++;
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue; // blank line
            }

            var where = $"{path}: record {line}";
            builder.Reset();
            for (var i = 0; i < header.Count && i < record.Count; i++)
            {
                builder.Set(header[i].Trim(), record[i].Length == 0 ? null : record[i], where);
            }

            rows.Add(builder.Build(where));
        }

        return rows.ToArray();
    }

    private static List<string>? ReadRecord(string text, ref int position)
    {
        if (position >= text.Length)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (position < text.Length)
        {
            var c = text[position++];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (position < text.Length && text[position] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && position < text.Length && text[position] == '\n')
                {
                    position++;
                }

                break;
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
