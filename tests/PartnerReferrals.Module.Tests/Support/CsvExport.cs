using System.Globalization;
using System.Reflection;
using System.Text;

namespace PartnerReferrals.Module.Tests.Support;

/// <summary>
/// Writes objects as PowerShell 7's <c>Export-Csv</c> does by default: a header of the public property names in
/// declaration order, every field quoted with inner quotes doubled, null as an empty field, and every other
/// value as its <c>ToString()</c> in the current culture. <see cref="Read"/> parses it back as <c>Import-Csv</c>.
/// </summary>
internal static class CsvExport
{
    public static void Write<T>(TextWriter writer, IEnumerable<T> items)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        writer.WriteLine(string.Join(",", properties.Select(p => Quote(p.Name))));
        foreach (var item in items)
        {
            writer.WriteLine(string.Join(",", properties.Select(p => Quote(Convert.ToString(p.GetValue(item), CultureInfo.CurrentCulture) ?? string.Empty))));
        }
    }

    public static List<Dictionary<string, string>> Read(TextReader reader)
    {
        var records = ParseRecords(reader.ReadToEnd()).ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0];
        return records.Skip(1)
            .Select(fields => header.Select((name, i) => (name, value: i < fields.Count ? fields[i] : string.Empty))
                .ToDictionary(f => f.name, f => f.value, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IEnumerable<List<string>> ParseRecords(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
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
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
