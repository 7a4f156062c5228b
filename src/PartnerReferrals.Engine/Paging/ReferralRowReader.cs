using System.Text.Json;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Reads one row object into a <see cref="Referral"/> or <see cref="ReferralGroup"/>: names matched without
/// allocating (<see cref="RowState.FieldAt"/>), values read tolerantly (<see cref="JsonValues"/>), unknown properties skipped.
/// </summary>
internal static class ReferralRowReader
{
    private static readonly byte[] CountSuffix = JsonValues.Lower("count");

    /// <remarks>
    /// Hand-written for speed: one case per field of <see cref="ReferralFields.All"/>, numbered by its index there, that
    /// sets the property directly (a setter from the catalogue would cost a delegate call per field and row). The
    /// engine tests read every field of the catalogue back through it, so a case that drifts from the catalogue fails.
    /// </remarks>
    public static Referral ReadReferral(ref Utf8JsonReader reader, RowState state)
    {
        var row = new Referral();
        var position = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = state.FieldAt(position++, JsonValues.PropertyName(ref reader));
            reader.Read();
            switch (field)
            {
                case 0: row.Id = JsonValues.ReadString(ref reader); break;
                case 1: row.Status = state.Status.Read(ref reader); break;
                case 2: row.CustomerName = JsonValues.ReadString(ref reader); break;
                case 3: row.CustomerMarket = state.CustomerMarket.Read(ref reader); break;
                case 4: row.PartnerMarket = state.PartnerMarket.Read(ref reader); break;
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

    /// <summary>A grouped row: the values of the grouped fields (any other field is skipped) and the count.</summary>
    public static ReferralGroup ReadGroup(ref Utf8JsonReader reader, RowState state)
    {
        var values = new object?[state.GroupedCount];
        long? count = null;
        long? fallbackCount = null;
        var position = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = JsonValues.PropertyName(ref reader);
            var field = state.FieldAt(position++, name);
            var slot = field >= 0 && field < RowState.CountIndex ? state.Slots[field] : -1;
            // Sibling APIs name the count after their resource (subscriptionCount); take any *Count when referralCount is absent.
            var countLike = field < 0 && name.Length >= 5 && ReferralPageReader.NameMatches(name.Slice(name.Length - 5), CountSuffix);
            reader.Read();
            if (field == RowState.CountIndex)
            {
                count = JsonValues.ReadCount(ref reader);
            }
            else if (slot >= 0)
            {
                values[slot] = ReferralFields.All[field].Kind == ReferralFieldKind.Date ? JsonValues.ReadDate(ref reader) : JsonValues.ReadString(ref reader);
            }
            else if (countLike)
            {
                fallbackCount = JsonValues.ReadCount(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return state.Group(values, count ?? fallbackCount ?? 0);
    }
}
