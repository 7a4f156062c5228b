using System;
using System.Globalization;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// Turns a piped object that is not a <see cref="Referral"/> (an Import-Csv row, a deserialized referral) into one:
/// each field of the catalogue from the property of its name, a date as <see cref="InputDate"/> reads it.
/// </summary>
public static class ReferralInput
{
    public static Referral FromProperties(Func<string, object?> property)
    {
        if (property is null)
        {
            throw new ArgumentNullException(nameof(property));
        }

        var referral = new Referral();
        foreach (var field in ReferralFields.All)
        {
            var value = property(field.Property);
            if (field.Kind == ReferralFieldKind.Date)
            {
                field.SetDate(referral, InputDate.Read(value, field.Property, text => NotADate(field.Property, text)));
            }
            else if ((value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)) is { Length: > 0 } text)
            {
                field.SetText(referral, text);
            }
        }

        return referral;
    }

    private static PartnerReferralsException NotADate(string column, string text) =>
        new(
            "PartnerReferrals.Insights.InvalidDate",
            ErrorKind.InvalidData,
            string.Format(CultureInfo.InvariantCulture, "The input's {0} '{1}' is not a date.", column, text),
            "Give dates as ISO 8601 (2018-02-07T23:43:19Z) or leave the column empty.",
            text)
        {
            ParameterName = Hosting.ErrorScope.InputParameter,
        };
}
