using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Writes one page in the documented envelope <c>{"Value":[...],"@nextLink":...,"TotalCount":n}</c> straight into a
/// buffer writer (the response pipe), flushing every few hundred rows so big pages stream instead of piling up.
/// </summary>
internal static class PageWriter
{
    private const int RowsPerFlush = 256;

    // Names like "Müller GmbH" go out as UTF-8, not \u escapes: readable, smaller, and both are valid JSON.
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(IBufferWriter<byte> output, Func<Task>? flush, QueryResult result, int skip, int top,
        string? nextLink, CancellationToken cancellationToken, bool withTotalCount = true)
    {
        var end = (int)Math.Min((long)skip + top, result.Count);
        await using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteStartArray(ApiJson.Value);
        for (var position = skip; position < end; position++)
        {
            if (result is RowResult rows)
            {
                WriteRow(writer, rows[position]);
            }
            else
            {
                WriteGroup(writer, (GroupResult)result, position);
            }

            if (flush is not null && (position - skip) % RowsPerFlush == RowsPerFlush - 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Flush();
                await flush().ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        if (nextLink is null)
        {
            writer.WriteNull(ApiJson.NextLink);
        }
        else
        {
            writer.WriteString(ApiJson.NextLink, nextLink);
        }

        if (withTotalCount)
        {
            writer.WriteNumber(ApiJson.TotalCount, result.Count);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteRow(Utf8JsonWriter writer, EmulatorReferral row)
    {
        writer.WriteStartObject();
        foreach (var field in ReferralFields.All)
        {
            if (!field.IsDate())
            {
                WriteText(writer, field.EncodedName(), row.GetText(field));
            }
            else if (row.GetRawDate(field) is var date && date != RowDate.Missing)
            {
                ApiJson.WriteDate(writer, field.EncodedName(), date);
            }
            else
            {
                writer.WriteNull(field.EncodedName());
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter writer, GroupResult result, int position)
    {
        var (codes, count) = result.Groups[position];
        writer.WriteStartObject();
        for (var f = 0; f < result.Fields.Count; f++)
        {
            var field = result.Fields[f];
            if (codes[f] == -1)
            {
                writer.WriteNull(field.EncodedName());
            }
            else if (field.IsDate())
            {
                ApiJson.WriteDate(writer, field.EncodedName(), DateBuckets.ToDate(codes[f]));
            }
            else
            {
                writer.WriteString(field.EncodedName(), result.Texts[f][codes[f]]);
            }
        }

        writer.WriteNumber(ApiJson.ReferralCount, count);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Used by the truncation fault, which needs the whole body's length before sending part of it.</summary>
    public static async Task<ReadOnlyMemory<byte>> RenderAsync(QueryResult result, int skip, int top, string? nextLink, bool withTotalCount = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await WriteAsync(buffer, null, result, skip, top, nextLink, CancellationToken.None, withTotalCount).ConfigureAwait(false);
        return buffer.WrittenMemory;
    }

    public static Func<Task> FlushOf(HttpResponse response, CancellationToken cancellationToken) =>
        async () => await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
}
