using System.Text;
using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Engine.Tests.CoSell;

public class CoSellReferralReaderTests
{
    // API-COSELL.md §4.2, with a customer contact, a team member, requirements and consent filled in.
    private const string Referral = """
        {
          "@odata.context": "https://api.partner.microsoft.com/v1.0/engagements/referrals/$metadata#Referrals/$entity",
          "id": "3f0c9a52-6b1e-4d7a-9a0e-2c8f5d1b7e44", "engagementId": "8a1d2e3f-4b5c-4d6e-8f70-91a2b3c4d5e6",
          "name": "Northwind data platform refresh", "organizationName": "Contoso Consulting", "externalReferenceId": "CRM-OPP-000123",
          "createdDateTime": "2026-05-04T09:12:33.1234567Z", "updatedDateTime": "2026-05-05T10:00:00Z",
          "acceptedDateTime": "2026-05-04T09:12:33.1234567Z", "expirationDateTime": "2026-05-18T09:12:33Z", "closedDateTime": null,
          "status": "Active", "substatus": "Accepted", "statusReason": "Budget approved", "type": "Shared",
          "qualification": "SalesQualified", "direction": "Outgoing", "salesStage": "Qualify",
          "eTag": "\"7a00c1d2-0000-0800-0000-66f0a1b20000\"",
          "target": [ { "type": "SolutionProfile", "id": "SOL-12345-ABC" } ],
          "customerProfile": { "name": "Northwind Traders", "size": "251to1000employees",
            "address": { "addressLine1": "1 Main Street", "addressLine2": null, "city": "Seattle", "state": "WA", "postalCode": "98101", "country": "US", "region": null },
            "team": [ { "firstName": "Ana", "lastName": "Lopez", "email": "ana.lopez@northwind.example", "phoneNumber": "+12065550100", "contactPreference": { "locale": "en-us" } } ],
            "ids": [ { "profileType": "External", "id": "ACC-42" } ] },
          "consent": { "consentToToShareInfoWithOthers": true, "consentToContact": false, "consentToShareReferralWithMicrosoftSellers": true },
          "details": { "notes": "Warehouse to Azure.", "dealValue": 120000.50, "currency": "USD", "closingDateTime": "2026-09-30T00:00:00Z",
            "requirements": { "industries": [ { "id": "Manufacturing" } ], "products": [ { "id": "Azure" }, { "id": "SQL" } ], "services": [],
                              "solutions": [ { "id": "SOL-12345-ABC", "name": "Northwind Lakehouse", "type": "Name" } ] } },
          "team": [ { "firstName": "Sam", "lastName": "Reed", "email": "sam.reed@contoso.example" }, { "email": "kim@contoso.example" } ],
          "inviteContext": { "notes": "Need help.", "assistanceRequestCode": "CustomerTechnicalArchitecture",
                             "invitedBy": { "organizationId": "msft", "organizationName": "Microsoft" } }
        }
        """;

    [Fact]
    public void A_referral_cut_short_is_a_truncated_body_the_fetcher_asks_again_for_while_malformed_json_is_not()
    {
        var whole = Encoding.UTF8.GetBytes(Referral);

        Assert.Throws<PartnerReferrals.Engine.Paging.TruncatedJsonException>(() => CoSellReferralReader.ReadOne(whole.AsSpan(0, whole.Length / 2)));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CoSellReferralReader.ReadOne(Encoding.UTF8.GetBytes("{\"id\": ]")));
    }

    [Fact]
    public void Every_field_of_the_documented_referral_is_read()
    {
        var r = CoSellReferralReader.ReadOne(Encoding.UTF8.GetBytes(Referral));

        Assert.Equal("3f0c9a52-6b1e-4d7a-9a0e-2c8f5d1b7e44", r.Id);
        Assert.Equal("8a1d2e3f-4b5c-4d6e-8f70-91a2b3c4d5e6", r.EngagementId);
        Assert.Equal("Northwind data platform refresh", r.Name);
        Assert.Equal("Contoso Consulting", r.OrganizationName);
        Assert.Equal("CRM-OPP-000123", r.ExternalReferenceId);
        Assert.Equal(("Active", "Accepted", "Budget approved"), (r.Status, r.Substatus, r.StatusReason));
        Assert.Equal(("Shared", "SalesQualified", "Outgoing", "Qualify"), (r.Type, r.Qualification, r.Direction, r.SalesStage));
        Assert.Equal(new DateTime(2026, 5, 4, 9, 12, 33, DateTimeKind.Utc).AddTicks(1234567), r.CreatedDateTime);
        Assert.Equal(DateTimeKind.Utc, r.CreatedDateTime!.Value.Kind);
        Assert.Equal(new DateTime(2026, 5, 5, 10, 0, 0, DateTimeKind.Utc), r.UpdatedDateTime);
        Assert.Equal(r.CreatedDateTime, r.AcceptedDateTime);
        Assert.Equal(new DateTime(2026, 5, 18, 9, 12, 33, DateTimeKind.Utc), r.ExpirationDateTime);
        Assert.Null(r.ClosedDateTime);
        Assert.Equal("\"7a00c1d2-0000-0800-0000-66f0a1b20000\"", r.ETag);
        Assert.Equal(("Northwind Traders", "US", "251to1000employees"), (r.CustomerName, r.CustomerCountry, r.CustomerSize));
        Assert.Equal((120000.50m, "USD", "Warehouse to Azure."), (r.DealValue, r.Currency, r.Notes));
        Assert.Equal(new DateTime(2026, 9, 30, 0, 0, 0, DateTimeKind.Utc), r.CloseDate);
        Assert.Equal("sam.reed@contoso.example; kim@contoso.example", r.Team);

        Assert.Equal("1 Main Street, Seattle, WA 98101, US", r.Customer!.Address!.ToString());
        Assert.Equal("Ana Lopez <ana.lopez@northwind.example>", r.Customer.Contacts.ToString());
        Assert.Equal(("+12065550100", "en-us"), (r.Customer.Contacts[0].PhoneNumber, r.Customer.Contacts[0].Locale));
        Assert.Equal("External:ACC-42", r.Customer.Ids.ToString());
        Assert.Equal(2, r.TeamMembers.Count);
        Assert.Equal("Industries: Manufacturing | Products: Azure; SQL | Solutions: Northwind Lakehouse", r.Requirements!.ToString());
        Assert.Equal("SolutionProfile:SOL-12345-ABC", r.Targets.ToString());
        Assert.Equal(("msft", "Microsoft", "CustomerTechnicalArchitecture", "Need help."), (r.InviteContext!.InvitedByOrganizationId, r.InviteContext.InvitedByOrganizationName, r.InviteContext.AssistanceRequestCode, r.InviteContext.Notes));
        Assert.Equal((true, false, true), (r.Consent!.ShareInfoWithOthers, r.Consent.Contact, r.Consent.ShareWithMicrosoftSellers));
    }

    [Fact]
    public void A_list_page_gives_its_referrals_and_next_link_verbatim()
    {
        var page = CoSellReferralReader.ReadPage(Encoding.UTF8.GetBytes(
            "{\"@odata.count\":2,\"value\":[" + Referral + ",{\"id\":\"b\",\"details\":{\"dealValue\":\"10000\"}}],\"@odata.nextLink\":\"http://api.partner.microsoft.com/v1.0/referrals?$skiptoken=ZXhh\"}"));

        Assert.Equal(2, page.Rows.Count);
        Assert.Equal(2, page.TotalCount);
        Assert.Equal("http://api.partner.microsoft.com/v1.0/referrals?$skiptoken=ZXhh", page.NextLink);
        Assert.Equal(10000m, page.Rows[1].DealValue);
        Assert.Empty(page.Rows[1].TeamMembers);
        Assert.Null(page.Rows[1].Customer);
    }

    [Fact]
    public void Values_of_unexpected_types_read_as_null_instead_of_failing()
    {
        var r = CoSellReferralReader.ReadOne(Encoding.UTF8.GetBytes(
            "{\"ID\":\"x\",\"createdDateTime\":42,\"details\":{\"dealValue\":{}},\"team\":{\"email\":\"a@b\"},\"customerProfile\":\"n/a\"}"));

        Assert.Equal("x", r.Id);
        Assert.Null(r.CreatedDateTime);
        Assert.Null(r.DealValue);
        Assert.Empty(r.TeamMembers);
        Assert.Null(r.CustomerName);
    }
}
