using System;
using System.Collections.Generic;
using System.Text.Json;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Parses a page of the referrals API with one forward pass of <see cref="Utf8JsonReader"/> (no DOM, no
/// reflection). Tolerant by design: property names in any case, <c>@nextLink</c> or <c>@odata.nextLink</c>,
/// a bare array instead of the envelope, counts as strings or numbers, unknown properties skipped.
/// Throws <see cref="JsonException"/> for a malformed body.
/// </summary>
public static class ReferralPageReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly byte[][] EnvelopeValue = [JsonValues.Lower("value")];
    private static readonly byte[][] EnvelopeTotal = [JsonValues.Lower("totalCount"), JsonValues.Lower("@odata.count")];
    private static readonly byte[][] EnvelopeNext = [JsonValues.Lower("@nextLink"), JsonValues.Lower("@odata.nextLink"), JsonValues.Lower("nextLink"), JsonValues.Lower("odata.nextLink")];

    /// <summary>
    /// Most rows a row list is sized for before it sees the body: 10,000 references (the API's page limit) are
    /// 80,000 bytes, under the 85,000 at which an array goes to the large object heap, whose allocations start
    /// full (gen2) collections. Growing a list past a page by doubling allocated one there for every page.
    /// </summary>
    internal const int MaxPresizedRows = 10_000;

    internal delegate T RowReader<T>(ref Utf8JsonReader reader, RowState state);

    /// <param name="json">The response body.</param>
    /// <param name="expectedRows">The page size asked for, so the row list is allocated once; 0 when unknown.</param>
    public static Page<Referral> ReadReferrals(ReadOnlySpan<byte> json, int expectedRows = 0) => Read(json, expectedRows, ReferralRowReader.ReadReferral, new RowState(null, null));

    /// <param name="json">The response body.</param>
    /// <param name="groupBy">Copied onto each row, so an exported CSV says what it counts.</param>
    /// <param name="aggregationLevel">Copied onto each row (Day, Week, Month).</param>
    /// <param name="expectedRows">The page size asked for; 0 when unknown.</param>
    public static Page<ReferralGroup> ReadGroups(ReadOnlySpan<byte> json, string? groupBy, string? aggregationLevel, int expectedRows = 0) =>
        Read(json, expectedRows, ReferralRowReader.ReadGroup, new RowState(groupBy, aggregationLevel));

    /// <summary>The envelope walk shared by every list API this module reads (analytics and co-sell): rows read by <paramref name="readRow"/>.</summary>
    internal static Page<T> Read<T>(ReadOnlySpan<byte> json, int expectedRows, RowReader<T> readRow, RowState state)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read())
            {
                throw new JsonException("The response body is empty.");
            }

            var rows = new List<T>(Math.Max(0, Math.Min(expectedRows, MaxPresizedRows)));
            long? total = null;
            string? next = null;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadRows(ref reader, rows, readRow, state);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = JsonValues.PropertyName(ref reader);
                    reader.Read();
                    if (Matches(name, EnvelopeValue))
                    {
                        ReadRows(ref reader, rows, readRow, state);
                    }
                    else if (Matches(name, EnvelopeTotal))
                    {
                        total = JsonValues.ReadCount(ref reader);
                    }
                    else if (Matches(name, EnvelopeNext))
                    {
                        next = JsonValues.ReadString(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                throw new JsonException("The response body is neither a JSON object nor an array.");
            }

            // Reading past the end makes the reader check the body for trailing garbage and an unclosed envelope.
            while (reader.Read())
            {
            }

            return new Page<T>(rows, total, string.IsNullOrWhiteSpace(next) ? null : next);
        }
        catch (JsonException ex) when (IsIncomplete(json))
        {
            throw new TruncatedJsonException(ex);
        }
    }

    private static void ReadRows<T>(ref Utf8JsonReader reader, List<T> rows, RowReader<T> readRow, RowState state)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The rows of the response are not a JSON array.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A row of the response is not a JSON object.");
            }

            rows.Add(readRow(ref reader, state));
        }
    }

    private static bool Matches(ReadOnlySpan<byte> name, byte[][] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (NameMatches(name, candidate))
            {
                return true;
            }
        }

        return false;
    }

    // Envelope names hold '@' and '.', which NameIs does not fold; compare those bytes exactly.
    internal static bool NameMatches(ReadOnlySpan<byte> name, byte[] lower)
    {
        if (name.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var b = name[i];
            var folded = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
            if (folded != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the body is valid JSON as far as it goes but stops before the top-level value ends.</summary>
    /// <summary>Whether a body that failed to parse is valid JSON cut short (a retry may get it whole), not malformed.</summary>
    internal static bool IsIncomplete(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(ReaderOptions));
            while (reader.Read())
            {
            }

            var meaningful = json.Length;
            while (meaningful > 0 && json[meaningful - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                meaningful--;
            }

            return meaningful == 0 || reader.CurrentDepth > 0 || reader.BytesConsumed < meaningful;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
