using System;
using System.Globalization;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// Turns a piped object that is not a <see cref="Referral"/> (an Import-Csv row, a deserialized referral) into
/// one, by property name. CSV rows hold dates as text: Export-Csv writes the current culture's format, so that is
/// tried first (it also reads ISO 8601), then the invariant culture's; a date without a zone is UTC, as the API's are.
/// </summary>
public static class ReferralInput
{
    public static Referral FromProperties(Func<string, object?> property)
    {
        if (property is null)
        {
            throw new ArgumentNullException(nameof(property));
        }

        return new Referral
        {
            Id = Text(property("Id")),
            Status = Text(property("Status")),
            CustomerName = Text(property("CustomerName")),
            CustomerMarket = Text(property("CustomerMarket")),
            PartnerMarket = Text(property("PartnerMarket")),
            CustomerOrgSize = Text(property("CustomerOrgSize")),
            CreatedDate = Date(property, "CreatedDate"),
            AcknowledgedDate = Date(property, "AcknowledgedDate"),
            AcceptedDate = Date(property, "AcceptedDate"),
            DeclinedDate = Date(property, "DeclinedDate"),
            ExpiredDate = Date(property, "ExpiredDate"),
            MissedDate = Date(property, "MissedDate"),
            SkippedDate = Date(property, "SkippedDate"),
            WonDate = Date(property, "WonDate"),
            LostDate = Date(property, "LostDate"),
            ArchivedDate = Date(property, "ArchivedDate"),
        };
    }

    private static string? Text(object? value)
    {
        var text = value as string ?? (value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture));
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static DateTime? Date(Func<string, object?> property, string name)
    {
        switch (property(name))
        {
            case null:
                return null;
            case DateTime date:
                return date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc);
            case DateTimeOffset offset:
                return offset.UtcDateTime;
            case var other:
                var text = Text(other)?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
                if (DateTime.TryParse(text, CultureInfo.CurrentCulture, Utc, out var parsed)
                    || DateTime.TryParse(text, CultureInfo.InvariantCulture, Utc, out parsed))
                {
                    return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
                }

                throw new PartnerReferralsException(
                    "PartnerReferrals.Insights.InvalidDate",
                    ErrorKind.InvalidData,
                    string.Format(CultureInfo.InvariantCulture, "The input's {0} '{1}' is not a date.", name, text),
                    "Give dates as ISO 8601 (2018-02-07T23:43:19) or leave the column empty.",
                    text)
                {
                    ParameterName = "InputObject",
                };
        }
    }
}
