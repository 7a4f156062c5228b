using System.Text.Json;

namespace PartnerReferrals.Benchmarks;

/// <summary>The parse baselines: every token read, nothing materialized beyond what the API forces.</summary>
internal static class JsonScan
{
    /// <summary>Reads every token of a page and counts the row objects (depth 2: envelope, array, row).</summary>
    public static long CountRows(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        long rows = 0;
        long valueBytes = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                rows++;
            }

            // Touch each value so the pass cannot be cheaper than reading it.
            valueBytes += reader.ValueSpan.Length;
        }

        return valueBytes >= 0 ? rows : -1;
    }

    public static long CountRowsWithDocument(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                return property.Value.GetArrayLength();
            }
        }

        return 0;
    }
}
