using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>How the write cmdlets put values into a request body: numbers as JSON numbers (choice 11), dates as UTC text.</summary>
internal static class WriteJson
{
    // A body for an API, never for a web page: names and notes keep their letters (Søn, +1 206...) as typed.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body <paramref name="write"/> produces, as UTF-8 bytes.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
        }

        return stream.ToArray();
    }

    /// <summary>A text property, written only when it has a value: the API leaves out what was not given.</summary>
    public static void StringIfGiven(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>
    /// A closing date as the API writes one (<c>2026-09-30T00:00:00Z</c>): the date the user typed, whatever the time
    /// zone. Converting a local midnight to UTC would move it to the day before east of Greenwich.
    /// </summary>
    public static string Date(DateTime date) =>
        date.Date.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
}
