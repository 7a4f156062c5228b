using System.Text.Json;
using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Engine.Tests.CoSellWrites;

public class NewReferralRequestTests
{
    private static NewReferralRequest Minimal() => new()
    {
        Name = " Northwind data platform ",
        CustomerName = "Northwind Traders",
        CustomerCountry = "us",
        DealValue = 120000,
        Currency = "usd",
        CloseDate = new DateTime(2026, 9, 30),
    };

    private static JsonElement Body(NewReferralRequest request) => JsonDocument.Parse(request.Checked().ToUtf8Json()).RootElement;

    [Fact]
    public void The_minimal_body_has_the_required_objects_and_a_private_deal_by_default()
    {
        var body = Body(Minimal());
        Assert.Equal("Northwind data platform", body.GetProperty("name").GetString());
        Assert.Equal("Independent", body.GetProperty("type").GetString());
        Assert.Equal("US", body.GetProperty("customerProfile").GetProperty("address").GetProperty("country").GetString());
        Assert.Equal(120000m, body.GetProperty("details").GetProperty("dealValue").GetDecimal());
        Assert.Equal("USD", body.GetProperty("details").GetProperty("currency").GetString());
        Assert.Equal("2026-09-30T00:00:00Z", body.GetProperty("details").GetProperty("closingDateTime").GetString());
        var consent = body.GetProperty("consent");
        Assert.False(consent.GetProperty("consentToShareReferralWithMicrosoftSellers").GetBoolean());
        Assert.False(consent.GetProperty("consentToContact").GetBoolean());
        Assert.False(consent.GetProperty("consentToToShareInfoWithOthers").GetBoolean());
        Assert.False(body.TryGetProperty("status", out _));
        Assert.False(body.TryGetProperty("inviteContext", out _));
    }

    [Fact]
    public void Consent_switches_set_their_flags_only()
    {
        var request = Minimal();
        request.ShareWithMicrosoft = true;
        var consent = Body(request).GetProperty("consent");
        Assert.True(consent.GetProperty("consentToShareReferralWithMicrosoftSellers").GetBoolean());
        Assert.False(consent.GetProperty("consentToContact").GetBoolean());

        request.CustomerConsent = true;
        request.ShareWithMicrosoft = false;
        consent = Body(request).GetProperty("consent");
        Assert.True(consent.GetProperty("consentToContact").GetBoolean());
        Assert.True(consent.GetProperty("consentToToShareInfoWithOthers").GetBoolean());
        Assert.False(consent.GetProperty("consentToShareReferralWithMicrosoftSellers").GetBoolean());
    }

    [Fact]
    public void Help_from_microsoft_makes_a_shared_referral_with_an_invite_context()
    {
        var request = Minimal();
        request.HelpNeeded = "customertechnicalarchitecture";
        request.HelpNotes = "Migration design";
        request.ShareWithMicrosoft = true;
        request.SolutionIds.Add("SOL-1");
        var body = Body(request);
        Assert.Equal("Shared", body.GetProperty("type").GetString());
        Assert.Equal("CustomerTechnicalArchitecture", body.GetProperty("inviteContext").GetProperty("assistanceRequestCode").GetString());
        Assert.Equal("Migration design", body.GetProperty("inviteContext").GetProperty("notes").GetString());
        Assert.Equal("{\"type\":\"SolutionProfile\",\"id\":\"SOL-1\"}", body.GetProperty("target")[0].GetRawText());
    }

    [Fact]
    public void Optional_fields_go_where_the_documents_put_them()
    {
        var request = Minimal();
        request.ExternalReferenceId = "CRM-1";
        request.Notes = "Warehouse to Azure";
        request.CustomerSize = "251TO1000EMPLOYEES";
        request.CustomerCity = "Seattle";
        request.CustomerPostalCode = "98101";
        request.CustomerContacts.Add(new PersonInput("ana@northwind.example", "Ana", null, "+12065550100"));
        request.TeamMembers.Add(new PersonInput("sam@contoso.example"));
        var body = Body(request);
        Assert.Equal("CRM-1", body.GetProperty("externalReferenceId").GetString());
        Assert.Equal("Warehouse to Azure", body.GetProperty("details").GetProperty("notes").GetString());
        Assert.Equal("251to1000employees", body.GetProperty("customerProfile").GetProperty("size").GetString());
        Assert.Equal("{\"city\":\"Seattle\",\"postalCode\":\"98101\",\"country\":\"US\"}", body.GetProperty("customerProfile").GetProperty("address").GetRawText());
        Assert.Equal("[{\"email\":\"ana@northwind.example\",\"firstName\":\"Ana\",\"phoneNumber\":\"+12065550100\"}]", body.GetProperty("customerProfile").GetProperty("team").GetRawText());
        Assert.Equal("[{\"email\":\"sam@contoso.example\"}]", body.GetProperty("team").GetRawText());
    }

    public static TheoryData<Action<NewReferralRequest>, string, string> Refusals => new()
    {
        { r => r.Name = " ", "PartnerReferrals.CoSell.MissingValue", "Name" },
        { r => r.CustomerName = null, "PartnerReferrals.CoSell.MissingValue", "CustomerName" },
        { r => r.CustomerCountry = "USA", "PartnerReferrals.CoSell.NotACountryCode", "CustomerCountry" },
        { r => r.DealValue = null, "PartnerReferrals.CoSell.MissingValue", "DealValue" },
        { r => r.DealValue = -5, "PartnerReferrals.CoSell.NegativeDealValue", "DealValue" },
        { r => r.Currency = "$", "PartnerReferrals.CoSell.NotACurrencyCode", "Currency" },
        { r => r.CloseDate = null, "PartnerReferrals.CoSell.MissingValue", "CloseDate" },
        { r => r.CustomerSize = "huge", "PartnerReferrals.CoSell.UnknownValue", "CustomerSize" },
        { r => r.HelpNeeded = "Everything", "PartnerReferrals.CoSell.UnknownValue", "HelpNeeded" },
        { r => r.HelpNeeded = "QuotesOrLicensing", "PartnerReferrals.CoSell.SharingNeeded", "ShareWithMicrosoft" },
        { r => r.HelpNotes = "Please help", "PartnerReferrals.CoSell.HelpNotesWithoutHelp", "HelpNotes" },
        { r => r.TeamMembers.Add(new PersonInput("sam")), "PartnerReferrals.CoSell.NotAnEmail", "TeamMember" },
        { r => { r.ShareWithMicrosoft = true; r.CustomerContacts.Add(new PersonInput("ana@northwind.example")); }, "PartnerReferrals.CoSell.ConsentNeeded", "CustomerConsent" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void What_the_documents_do_not_allow_is_refused_naming_the_parameter(Action<NewReferralRequest> spoil, string id, string parameter)
    {
        var request = Minimal();
        spoil(request);
        var error = Assert.Throws<PartnerReferralsException>(() => request.Checked());
        Assert.Equal((id, parameter, ErrorKind.InvalidArgument), (error.ErrorId, error.ParameterName, error.Kind));
        Assert.Contains("-" + parameter, error.Problem + error.RecommendedAction, StringComparison.Ordinal);
    }
}
