using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PartnerReferrals.Engine.Models;

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

    private static readonly byte[][] EnvelopeValue = [Lower("value")];
    private static readonly byte[][] EnvelopeTotal = [Lower("totalCount"), Lower("@odata.count")];
    private static readonly byte[][] EnvelopeNext = [Lower("@nextLink"), Lower("@odata.nextLink"), Lower("nextLink"), Lower("odata.nextLink")];

    // Index order is the switch order in the row readers below.
    private static readonly byte[][] RowFields =
    [
        Lower("id"), Lower("status"), Lower("customerMarket"), Lower("partnerMarket"), Lower("customerName"), Lower("customerOrgSize"),
        Lower("createdDate"), Lower("acknowledgedDate"), Lower("acceptedDate"), Lower("declinedDate"), Lower("expiredDate"),
        Lower("missedDate"), Lower("skippedDate"), Lower("wonDate"), Lower("lostDate"), Lower("archivedDate"), Lower("referralCount"),
    ];

    private delegate T RowReader<T>(ref Utf8JsonReader reader, RowState state);

    public static Page<Referral> ReadReferrals(ReadOnlySpan<byte> json) => Read(json, ReadReferral, new RowState(null, null));

    /// <param name="json">The response body.</param>
    /// <param name="groupBy">Copied onto each row, so an exported CSV says what it counts.</param>
    /// <param name="aggregationLevel">Copied onto each row (Day, Week, Month).</param>
    public static Page<ReferralGroup> ReadGroups(ReadOnlySpan<byte> json, string? groupBy, string? aggregationLevel) =>
        Read(json, ReadGroup, new RowState(groupBy, aggregationLevel));

    private static Page<T> Read<T>(ReadOnlySpan<byte> json, RowReader<T> readRow, RowState state)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read())
            {
                throw new JsonException("The response body is empty.");
            }

            var rows = new List<T>();
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

    private static Referral ReadReferral(ref Utf8JsonReader reader, RowState state)
    {
        var row = new Referral();
        state.NextGuess = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldIndex(JsonValues.PropertyName(ref reader), state);
            reader.Read();
            switch (field)
            {
                case 0: row.Id = JsonValues.ReadString(ref reader); break;
                case 1: row.Status = state.Status.Read(ref reader); break;
                case 2: row.CustomerMarket = state.CustomerMarket.Read(ref reader); break;
                case 3: row.PartnerMarket = state.PartnerMarket.Read(ref reader); break;
                case 4: row.CustomerName = JsonValues.ReadString(ref reader); break;
                case 5: row.CustomerOrgSize = state.OrgSize.Read(ref reader); break;
                case 6: row.CreatedDate = JsonValues.ReadDate(ref reader); break;
                case 7: row.AcknowledgedDate = JsonValues.ReadDate(ref reader); break;
                case 8: row.AcceptedDate = JsonValues.ReadDate(ref reader); break;
                case 9: row.DeclinedDate = JsonValues.ReadDate(ref reader); break;
                case 10: row.ExpiredDate = JsonValues.ReadDate(ref reader); break;
                case 11: row.MissedDate = JsonValues.ReadDate(ref reader); break;
                case 12: row.SkippedDate = JsonValues.ReadDate(ref reader); break;
                case 13: row.WonDate = JsonValues.ReadDate(ref reader); break;
                case 14: row.LostDate = JsonValues.ReadDate(ref reader); break;
                case 15: row.ArchivedDate = JsonValues.ReadDate(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return row;
    }

    private static ReferralGroup ReadGroup(ref Utf8JsonReader reader, RowState state)
    {
        var row = new ReferralGroup { GroupBy = state.GroupBy, AggregationLevel = state.AggregationLevel };
        state.NextGuess = 0;
        long? count = null;
        long? fallbackCount = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonValues.PropertyName(ref reader);
            var field = FieldIndex(name, state);
            var countLike = field < 0 && EndsWithCount(name);
            reader.Read();
            switch (field)
            {
                case 1: row.Status = state.Status.Read(ref reader); break;
                case 2: row.CustomerMarket = state.CustomerMarket.Read(ref reader); break;
                case 3: row.PartnerMarket = state.PartnerMarket.Read(ref reader); break;
                case 4: row.CustomerName = JsonValues.ReadString(ref reader); break;
                case 5: row.CustomerOrgSize = state.OrgSize.Read(ref reader); break;
                case 6: row.CreatedDate = JsonValues.ReadDate(ref reader); break;
                case 7: row.AcknowledgedDate = JsonValues.ReadDate(ref reader); break;
                case 8: row.AcceptedDate = JsonValues.ReadDate(ref reader); break;
                case 9: row.DeclinedDate = JsonValues.ReadDate(ref reader); break;
                case 10: row.ExpiredDate = JsonValues.ReadDate(ref reader); break;
                case 11: row.MissedDate = JsonValues.ReadDate(ref reader); break;
                case 12: row.SkippedDate = JsonValues.ReadDate(ref reader); break;
                case 13: row.WonDate = JsonValues.ReadDate(ref reader); break;
                case 14: row.LostDate = JsonValues.ReadDate(ref reader); break;
                case 15: row.ArchivedDate = JsonValues.ReadDate(ref reader); break;
                case 16: count = JsonValues.ReadCount(ref reader); break;
                default:
                    // Sibling APIs name the count after their resource (subscriptionCount); take any *Count when referralCount is absent.
                    if (countLike)
                    {
                        fallbackCount = JsonValues.ReadCount(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    break;
            }
        }

        row.ReferralCount = count ?? fallbackCount ?? 0;
        return row;
    }

    private static int FieldIndex(ReadOnlySpan<byte> name, RowState state)
    {
        // Rows of one page repeat their property order, so the field after the previous one is nearly always right.
        var guess = state.NextGuess;
        if (guess < RowFields.Length && JsonValues.NameIs(name, RowFields[guess]))
        {
            state.NextGuess = guess + 1;
            return guess;
        }

        var index = FieldIndex(name);
        state.NextGuess = index + 1;
        return index;
    }

    private static int FieldIndex(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < RowFields.Length; i++)
        {
            if (JsonValues.NameIs(name, RowFields[i]))
            {
                return i;
            }
        }

        return -1;
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
    private static bool NameMatches(ReadOnlySpan<byte> name, byte[] lower)
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

    private static bool EndsWithCount(ReadOnlySpan<byte> name) =>
        name.Length >= 5 && NameMatches(name.Slice(name.Length - 5), CountSuffix);

    private static readonly byte[] CountSuffix = Lower("count");

    /// <summary>True when the body is valid JSON as far as it goes but stops before the top-level value ends.</summary>
    private static bool IsIncomplete(ReadOnlySpan<byte> json)
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

    private static byte[] Lower(string name) => Encoding.UTF8.GetBytes(name.ToLowerInvariant());

    /// <summary>Per-page state: repeated-string caches and what grouped rows copy onto themselves.</summary>
    private sealed class RowState
    {
        public RowState(string? groupBy, string? aggregationLevel)
        {
            GroupBy = groupBy;
            AggregationLevel = aggregationLevel;
        }

        public string? GroupBy { get; }

        public string? AggregationLevel { get; }

        /// <summary>The field index expected next (see FieldIndex); 0 at the start of each row.</summary>
        public int NextGuess { get; set; }

        public RepeatedStrings Status { get; } = new();

        public RepeatedStrings CustomerMarket { get; } = new();

        public RepeatedStrings PartnerMarket { get; } = new();

        public RepeatedStrings OrgSize { get; } = new();
    }
}
