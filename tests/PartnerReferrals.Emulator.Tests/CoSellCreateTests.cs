using System.Net.Http;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>POST /referrals (§1.3, §4.1, §5.5 items 1–2, choice 8).</summary>
public class CoSellCreateTests(CoSellFixture fixture) : IClassFixture<CoSellFixture>
{
    // §4.1's example body.
    private static JsonObject Example() => JsonNode.Parse("""
        {
          "name": "Northwind data platform refresh",
          "externalReferenceId": "CRM-OPP-000123",
          "type": "Shared",
          "qualification": "SalesQualified",
          "status": "New", "substatus": "Pending",
          "target": [ { "type": "SolutionProfile", "id": "SOL-12345-ABC" } ],
          "customerProfile": {
            "name": "Northwind Traders",
            "address": { "addressLine1": "1 Main Street", "city": "Seattle", "state": "WA", "postalCode": "98101", "country": "US" },
            "size": "251to1000employees",
            "team": [ { "firstName": "Ana", "lastName": "Lopez", "email": "ana.lopez@northwind.example", "phoneNumber": "+12065550100" } ]
          },
          "consent": { "consentToToShareInfoWithOthers": true, "consentToContact": true, "consentToShareReferralWithMicrosoftSellers": true },
          "details": { "notes": "Customer wants to move its warehouse to Azure.", "dealValue": 120000, "currency": "USD", "closingDateTime": "2026-09-30T00:00:00Z" },
          "team": [ { "firstName": "Sam", "lastName": "Reed", "email": "sam.reed@contoso.example", "phoneNumber": "+12065550111" } ],
          "inviteContext": { "notes": "Looking for Microsoft technical help.", "assistanceRequestCode": "CustomerTechnicalArchitecture" }
        }
        """)!.AsObject();

    private Task<(int Status, System.Text.Json.JsonElement Body, HttpResponseMessage Response)> PostAsync(JsonObject body) =>
        fixture.SendAsync(HttpMethod.Post, CoSellFixture.Collection, body.ToJsonString());

    [Fact]
    public async Task Creating_returns_201_with_location_etag_and_the_server_set_fields_and_the_referral_is_then_listed()
    {
        var reference = "CRM-" + Guid.NewGuid().ToString("N");
        var example = Example();
        example["externalReferenceId"] = reference;

        var (status, body, response) = await PostAsync(example);
        using (response)
        {
            Assert.Equal(201, status);
            var id = body.GetProperty("id").GetString()!;
            Assert.True(Guid.TryParse(id, out _));
            Assert.Equal(new Uri(fixture.Server.BaseAddress, CoSellFixture.Item(id)), response.Headers.Location);
            Assert.Equal(body.GetProperty("eTag").GetString(), response.Headers.ETag!.ToString());
            Assert.Equal(("Outgoing", "Active", "Accepted"), (body.GetProperty("direction").GetString(), body.GetProperty("status").GetString(), body.GetProperty("substatus").GetString()));
            Assert.Equal(body.GetProperty("createdDateTime").GetString(), body.GetProperty("acceptedDateTime").GetString());
            Assert.Equal("Northwind Traders", body.GetProperty("customerProfile").GetProperty("name").GetString());
            Assert.Equal(120000m, body.GetProperty("details").GetProperty("dealValue").GetDecimal());
            Assert.True(Guid.TryParse(body.GetProperty("engagementId").GetString(), out _));

            var (found, listed) = await fixture.GetAsync(CoSellFixture.List($"$filter=externalReferenceId eq '{reference}'"));
            Assert.Equal(200, found);
            Assert.Equal(id, Assert.Single(listed.GetProperty("value").EnumerateArray()).GetProperty("id").GetString());
        }
    }

    [Theory]
    [InlineData("type")]
    [InlineData("customerProfile")]
    [InlineData("consent")]
    [InlineData("details")]
    public async Task A_missing_required_field_is_400_invalidRequest_naming_it_and_creates_nothing(string field)
    {
        var body = Example();
        body.Remove(field);
        var count = fixture.Server.CoSellReferrals.Count;

        var (status, error, response) = await PostAsync(body);
        response.Dispose();

        Assert.Equal(400, status);
        Assert.Equal(("invalidRequest", field), (error.GetProperty("error").GetProperty("code").GetString(), error.GetProperty("error").GetProperty("target").GetString()));
        Assert.Contains(field, error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(count, fixture.Server.CoSellReferrals.Count);
    }

    [Theory]
    [InlineData("type", "\"Private\"", "type")]
    [InlineData("qualification", "\"Hot\"", "qualification")]
    [InlineData("details", "{\"dealValue\":\"lots\"}", "details.dealValue")]
    [InlineData("details", "{\"closingDateTime\":\"soon\"}", "details.closingDateTime")]
    [InlineData("consent", "true", "consent")]
    public async Task A_value_of_the_wrong_kind_is_400_naming_the_field(string field, string json, string target)
    {
        var body = Example();
        body[field] = JsonNode.Parse(json);

        var (status, error, response) = await PostAsync(body);
        response.Dispose();

        Assert.Equal(400, status);
        Assert.Equal(target, error.GetProperty("error").GetProperty("target").GetString());
    }

    [Fact]
    public async Task Enum_values_are_taken_in_any_case_and_stored_canonical()
    {
        var body = Example();
        body["type"] = "shared";
        body["qualification"] = "salesqualified";

        var (status, created, response) = await PostAsync(body);
        response.Dispose();

        Assert.Equal(201, status);
        Assert.Equal(("Shared", "SalesQualified"), (created.GetProperty("type").GetString(), created.GetProperty("qualification").GetString()));
    }

    [Fact]
    public async Task Posting_is_logged_with_its_method()
    {
        fixture.Server.Requests.Clear();

        var (_, _, response) = await PostAsync(Example());
        response.Dispose();

        Assert.Equal(("POST", 201), (Assert.Single(fixture.Server.Requests).Method, fixture.Server.Requests[0].StatusCode));
    }
}
