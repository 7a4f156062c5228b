using System;
using System.Collections.Generic;
using System.Globalization;

namespace PartnerReferrals.Emulator;

/// <summary>Turns the field/value pairs of one file row (JSON object or CSV line) into a referral.</summary>
internal sealed class ReferralRowBuilder
{
    private readonly Dictionary<string, string> interned = new(StringComparer.Ordinal);
    private readonly string?[] text = new string?[ReferralFields.All.Length];
    private readonly DateTime?[] dates = new DateTime?[ReferralFields.All.Length];

    public void Reset()
    {
        Array.Clear(text);
        Array.Clear(dates);
    }

    /// <summary>Sets a field by its API name; unknown names are ignored, like unknown JSON properties anywhere.</summary>
    public void Set(string name, string? value, string where)
    {
        if (!ReferralFields.TryParse(name, out var field))
        {
            return;
        }

        if (!field.IsDate())
        {
            // Markets, statuses and names repeat endlessly; one string each keeps big files small in memory.
            text[(int)field] = value is null ? null : Intern(value);
            return;
        }

        if (string.IsNullOrEmpty(value))
        {
            dates[(int)field] = null;
            return;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw new FormatException($"{where}: '{field.Name()}' is not a date: '{value}'.");
        }

        dates[(int)field] = parsed.UtcDateTime;
    }

    public EmulatorReferral Build(string where)
    {
        var id = text[(int)ReferralField.Id];
        if (string.IsNullOrEmpty(id))
        {
            throw new FormatException($"{where}: the row has no 'id'.");
        }

        try
        {
            return new EmulatorReferral
            {
                Id = id,
                Status = text[(int)ReferralField.Status],
                CustomerMarket = text[(int)ReferralField.CustomerMarket],
                CustomerName = text[(int)ReferralField.CustomerName],
                CustomerOrgSize = text[(int)ReferralField.CustomerOrgSize],
                PartnerMarket = text[(int)ReferralField.PartnerMarket],
                CreatedDate = dates[(int)ReferralField.CreatedDate],
                AcknowledgedDate = dates[(int)ReferralField.AcknowledgedDate],
                AcceptedDate = dates[(int)ReferralField.AcceptedDate],
                DeclinedDate = dates[(int)ReferralField.DeclinedDate],
                ExpiredDate = dates[(int)ReferralField.ExpiredDate],
                LostDate = dates[(int)ReferralField.LostDate],
                MissedDate = dates[(int)ReferralField.MissedDate],
                SkippedDate = dates[(int)ReferralField.SkippedDate],
                WonDate = dates[(int)ReferralField.WonDate],
                ArchivedDate = dates[(int)ReferralField.ArchivedDate],
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
    }

    private string Intern(string value)
    {
        if (!interned.TryGetValue(value, out var kept))
        {
            interned[value] = kept = value;
        }

        return kept;
    }
}
