using System;
using System.Text.Json;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Reads one row object into a <see cref="Referral"/> or <see cref="ReferralGroup"/>: names matched without
/// allocating, values read tolerantly (<see cref="JsonValues"/>), unknown properties skipped.
/// </summary>
internal static class ReferralRowReader
{
    // Index order is the switch order in the row readers below.
    private static readonly byte[][] RowFields =
    [
        JsonValues.Lower("id"), JsonValues.Lower("status"), JsonValues.Lower("customerMarket"), JsonValues.Lower("partnerMarket"), JsonValues.Lower("customerName"), JsonValues.Lower("customerOrgSize"),
        JsonValues.Lower("createdDate"), JsonValues.Lower("acknowledgedDate"), JsonValues.Lower("acceptedDate"), JsonValues.Lower("declinedDate"), JsonValues.Lower("expiredDate"),
        JsonValues.Lower("missedDate"), JsonValues.Lower("skippedDate"), JsonValues.Lower("wonDate"), JsonValues.Lower("lostDate"), JsonValues.Lower("archivedDate"), JsonValues.Lower("referralCount"),
    ];

    public static Referral ReadReferral(ref Utf8JsonReader reader, RowState state)
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

    // The same field cases as ReadReferral, written out again on purpose: a shared setter would need a delegate
    // or an interface call per property on the hot path, and the two models share no base type.
    public static ReferralGroup ReadGroup(ref Utf8JsonReader reader, RowState state)
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

    private static bool EndsWithCount(ReadOnlySpan<byte> name) =>
        name.Length >= 5 && ReferralPageReader.NameMatches(name.Slice(name.Length - 5), CountSuffix);

    private static readonly byte[] CountSuffix = JsonValues.Lower("count");
}
