using System;
using System.Globalization;
using System.Linq;
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

        // A co-sell referral (Get-PartnerCoSellReferral's object, or its CSV row) dates itself CreatedDateTime.
        if (property(nameof(Referral.CreatedDate)) is null && property("CreatedDateTime") is not null)
        {
            throw NotAReferral(
                "The piped object is a co-sell referral (it has CreatedDateTime, not CreatedDate): Measure-PartnerReferral and Export-PartnerReferralReport read referrals analytics, so nothing was measured.",
                "Pipe rows of Get-PartnerReferral (or Import-Csv of its CSV); group co-sell referrals with Group-Object, e.g. Get-PartnerCoSellReferral | Group-Object Status, Substatus.");
        }

        var referral = new Referral();
        var found = false;
        foreach (var field in ReferralFields.All)
        {
            var value = property(field.Property);
            found |= value is not null;
            if (field.Kind == ReferralFieldKind.Date)
            {
                field.SetDate(referral, InputDate.Read(value, field.Property, text => NotADate(field.Property, text)));
            }
            else if ((value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)) is { Length: > 0 } text)
            {
                field.SetText(referral, text);
            }
        }

        return found
            ? referral
            : throw NotAReferral(
                "The piped object has none of the referral properties (" + string.Join(", ", ReferralFields.All.Take(4).Select(f => f.Property)) + ", ...), so nothing was measured.",
                "Pipe referrals from Get-PartnerReferral, or Import-Csv rows of a file that Export-PartnerReferral or Export-Csv wrote from them.");
    }

    /// <summary>Input that is not referrals at all ends the command: measuring the rest would describe the wrong data.</summary>
    private static PartnerReferralsException NotAReferral(string problem, string action) =>
        new("PartnerReferrals.Insights.NotAReferral", ErrorKind.InvalidData, problem, action, null);

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
