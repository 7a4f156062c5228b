using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// An outgoing referral to create (New-PartnerCoSellReferral), as typed. <see cref="Checked"/> holds it to the
/// documents before any request (required fields, closed value lists, codes, what consent the sharing needs);
/// <see cref="ToUtf8Json"/> writes the create body of API-COSELL.md §1.3 and §4.1.
/// </summary>
public sealed class NewReferralRequest
{
    public string? Name { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerCountry { get; set; }

    public decimal? DealValue { get; set; }

    public string? Currency { get; set; }

    public DateTime? CloseDate { get; set; }

    public string? ExternalReferenceId { get; set; }

    public string? Notes { get; set; }

    public string? CustomerSize { get; set; }

    public string? CustomerAddressLine1 { get; set; }

    public string? CustomerCity { get; set; }

    public string? CustomerState { get; set; }

    public string? CustomerPostalCode { get; set; }

    public IList<PersonInput> CustomerContacts { get; } = new List<PersonInput>();

    public IList<PersonInput> TeamMembers { get; } = new List<PersonInput>();

    /// <summary>Your solutions the deal is about (SolutionProfile ids such as SOL-12345-ABC).</summary>
    public IList<string> SolutionIds { get; } = new List<string>();

    /// <summary>The help asked of Microsoft (assistanceRequestCode); makes the referral a co-sell one, shared with Microsoft.</summary>
    public string? HelpNeeded { get; set; }

    public string? HelpNotes { get; set; }

    /// <summary>consentToShareReferralWithMicrosoftSellers; without it the deal is private (S5: "the key parameter").</summary>
    public bool ShareWithMicrosoft { get; set; }

    /// <summary>The customer agreed to be contacted and to have their details shared (consentToContact, consentToToShareInfoWithOthers).</summary>
    public bool CustomerConsent { get; set; }

    /// <summary>A copy with every value trimmed and spelled as the documents do, or an error naming the parameter to correct.</summary>
    public NewReferralRequest Checked()
    {
        var request = new NewReferralRequest
        {
            Name = WriteValues.Required(nameof(Name), Name),
            CustomerName = WriteValues.Required(nameof(CustomerName), CustomerName),
            CustomerCountry = WriteValues.CountryCode(nameof(CustomerCountry), WriteValues.Required(nameof(CustomerCountry), CustomerCountry)),
            DealValue = WriteValues.DealValue(nameof(DealValue), DealValue ?? throw CoSellWriteErrors.MissingValue(nameof(DealValue))),
            Currency = WriteValues.CurrencyCode(nameof(Currency), WriteValues.Required(nameof(Currency), Currency)),
            CloseDate = CloseDate ?? throw CoSellWriteErrors.MissingValue(nameof(CloseDate)),
            ExternalReferenceId = WriteValues.Optional(ExternalReferenceId),
            Notes = WriteValues.Optional(Notes),
            CustomerSize = WriteValues.Canonical(nameof(CustomerSize), WriteValues.Optional(CustomerSize), WriteValues.CustomerSizes),
            CustomerAddressLine1 = WriteValues.Optional(CustomerAddressLine1),
            CustomerCity = WriteValues.Optional(CustomerCity),
            CustomerState = WriteValues.Optional(CustomerState),
            CustomerPostalCode = WriteValues.Optional(CustomerPostalCode),
            HelpNeeded = WriteValues.Canonical(nameof(HelpNeeded), WriteValues.Optional(HelpNeeded), WriteValues.HelpNeeded),
            HelpNotes = WriteValues.Optional(HelpNotes),
            ShareWithMicrosoft = ShareWithMicrosoft,
            CustomerConsent = CustomerConsent,
        };
        Copy(CustomerContacts.Select(c => c.Checked("CustomerContact")), request.CustomerContacts);
        Copy(TeamMembers.Select(m => m.Checked("TeamMember")), request.TeamMembers);
        Copy(SolutionIds.Select(WriteValues.Optional).OfType<string>(), request.SolutionIds);
        request.CheckConsent();
        return request;
    }

    /// <summary>The create body: the fields given, the three consent flags always (the API requires the object).</summary>
    public byte[] ToUtf8Json() => WriteJson.Build(json =>
    {
        json.WriteStartObject();
        json.WriteString("name", Name);
        WriteJson.StringIfGiven(json, "externalReferenceId", ExternalReferenceId);
        json.WriteString("type", HelpNeeded is null ? "Independent" : "Shared");
        WriteCustomer(json);
        json.WriteStartObject("consent");
        json.WriteBoolean("consentToToShareInfoWithOthers", CustomerConsent);
        json.WriteBoolean("consentToContact", CustomerConsent);
        json.WriteBoolean("consentToShareReferralWithMicrosoftSellers", ShareWithMicrosoft);
        json.WriteEndObject();
        WriteDetails(json);
        WritePeople(json, "team", TeamMembers);
        if (SolutionIds.Count > 0)
        {
            json.WriteStartArray("target");
            foreach (var id in SolutionIds)
            {
                json.WriteStartObject();
                json.WriteString("type", "SolutionProfile");
                json.WriteString("id", id);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (HelpNeeded is not null)
        {
            json.WriteStartObject("inviteContext");
            WriteJson.StringIfGiven(json, "notes", HelpNotes);
            json.WriteString("assistanceRequestCode", HelpNeeded);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    });

    private static void Copy<T>(IEnumerable<T> from, IList<T> to)
    {
        foreach (var item in from)
        {
            to.Add(item);
        }
    }

    private static void WritePeople(Utf8JsonWriter json, string name, IList<PersonInput> people)
    {
        json.WriteStartArray(name);
        foreach (var person in people)
        {
            person.WriteTo(json);
        }

        json.WriteEndArray();
    }

    private void CheckConsent()
    {
        if (HelpNotes is not null && HelpNeeded is null)
        {
            throw CoSellWriteErrors.HelpNotesWithoutHelp();
        }

        if (HelpNeeded is not null && !ShareWithMicrosoft)
        {
            throw CoSellWriteErrors.SharingNeeded(HelpNeeded);
        }

        if (ShareWithMicrosoft && CustomerContacts.Count > 0 && !CustomerConsent)
        {
            throw CoSellWriteErrors.ConsentNeeded();
        }
    }

    private void WriteCustomer(Utf8JsonWriter json)
    {
        json.WriteStartObject("customerProfile");
        json.WriteString("name", CustomerName);
        json.WriteStartObject("address");
        WriteJson.StringIfGiven(json, "addressLine1", CustomerAddressLine1);
        WriteJson.StringIfGiven(json, "city", CustomerCity);
        WriteJson.StringIfGiven(json, "state", CustomerState);
        WriteJson.StringIfGiven(json, "postalCode", CustomerPostalCode);
        json.WriteString("country", CustomerCountry);
        json.WriteEndObject();
        WriteJson.StringIfGiven(json, "size", CustomerSize);
        WritePeople(json, "team", CustomerContacts);
        json.WriteEndObject();
    }

    private void WriteDetails(Utf8JsonWriter json)
    {
        json.WriteStartObject("details");
        WriteJson.StringIfGiven(json, "notes", Notes);
        json.WriteNumber("dealValue", DealValue!.Value);
        json.WriteString("currency", Currency);
        json.WriteString("closingDateTime", WriteJson.Date(CloseDate!.Value));
        json.WriteEndObject();
    }
}
