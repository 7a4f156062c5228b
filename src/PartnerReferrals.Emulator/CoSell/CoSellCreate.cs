using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The referral a <c>POST /referrals</c> body creates (§1.3, §5.5 items 1–2): <c>type</c>, <c>customerProfile</c>,
/// <c>consent</c> and <c>details</c> are required (400 naming the missing ones); enum values are checked ignoring case
/// and stored canonical; the service sets the id, engagementId (unless given), organization, mpnId, dates, eTag and
/// direction Outgoing, and an outgoing referral starts Active/Accepted whatever status the body asked for.
/// </summary>
internal static class CoSellCreate
{
    private static readonly string[] Required = ["type", "customerProfile", "consent", "details"];
    private static readonly string[] Types = ["Independent", "Shared"];
    private static readonly string[] Qualifications = ["None", "Direct", "MarketingQualified", "SalesQualified"];
    private static readonly string[] Stages = ["Qualify", "Develop", "Propose", "Close"];

    private static readonly string[] ClientFields =
        ["name", "externalReferenceId", "statusReason", "type", "qualification", "salesStage", "customerProfile", "consent", "details", "team", "inviteContext", "target", "tags", "favorite"];

    public static JsonObject From(string body, DateTimeOffset now)
    {
        JsonObject input;
        try
        {
            input = JsonNode.Parse(body) as JsonObject ?? throw CoSellApiException.Invalid("The body must be a JSON object: the referral to create.", "body");
        }
        catch (JsonException e)
        {
            throw CoSellApiException.Invalid("The body is not JSON: " + e.Message, "body");
        }

        var missing = Required.Where(field => CoSellJson.PropertyName(input, field) is not { } name || input[name] is null).ToList();
        if (missing.Count > 0)
        {
            throw CoSellApiException.Invalid($"Required field{(missing.Count > 1 ? "s" : string.Empty)} missing: {string.Join(", ", missing)}.", missing[0]);
        }

        foreach (var field in new[] { "customerProfile", "consent", "details" })
        {
            if (input[CoSellJson.PropertyName(input, field)!] is not JsonObject)
            {
                throw CoSellApiException.Invalid($"{field} must be an object.", field);
            }
        }

        var created = CoSellDates.Format(now);
        var referral = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["engagementId"] = Text(input, "engagementId") ?? Guid.NewGuid().ToString(),
            ["organizationId"] = EmulatedIdentity.TenantId,
            ["organizationName"] = CoSellDataGenerator.OrganizationName,
            ["mpnId"] = CoSellDataGenerator.MpnId,
            ["createdDateTime"] = created,
            ["updatedDateTime"] = created,
            ["acceptedDateTime"] = created,
            ["expirationDateTime"] = null,
            ["closedDateTime"] = null,
            ["status"] = "Active",
            ["substatus"] = "Accepted",
            ["direction"] = "Outgoing",
            ["referralSource"] = null,
            ["callToAction"] = null,
            ["isSpam"] = false,
            ["quality"] = "Unknown",
            ["dealSensitivity"] = "None",
            ["registrationStatus"] = "None",
            ["eTag"] = CoSellStore.NewETag(),
            ["registrations"] = new JsonArray(),
        };
        foreach (var field in ClientFields)
        {
            referral[field] = CoSellJson.PropertyName(input, field) is { } name ? input[name]?.DeepClone() : Default(field);
        }

        referral["type"] = Canonical(referral, "type", Types);
        referral["qualification"] = referral["qualification"] is null ? "None" : Canonical(referral, "qualification", Qualifications);
        if (referral["salesStage"] is not null)
        {
            referral["salesStage"] = Canonical(referral, "salesStage", Stages);
        }

        CheckDetails((JsonObject)referral["details"]!);
        return referral;
    }

    private static JsonNode? Default(string field) => field switch
    {
        "team" or "target" or "tags" => new JsonArray(),
        "favorite" => false,
        _ => null,
    };

    private static void CheckDetails(JsonObject details)
    {
        if (CoSellJson.PropertyName(details, "dealValue") is { } value && details[value] is { } deal && deal.GetValueKind() != JsonValueKind.Number)
        {
            throw CoSellApiException.Invalid($"details.dealValue must be a number, not {deal.ToJsonString()}.", "details.dealValue");
        }

        if (CoSellJson.PropertyName(details, "closingDateTime") is { } closing && details[closing] is { } date)
        {
            details[closing] = CoSellDates.TryParse(CoSellJson.Text(date), out var parsed)
                ? CoSellDates.Format(parsed)
                : throw CoSellApiException.Invalid($"details.closingDateTime must be an ISO 8601 date, not {date.ToJsonString()}.", "details.closingDateTime");
        }
    }

    private static string Canonical(JsonObject referral, string field, string[] values)
    {
        var text = CoSellJson.Text(referral[field]);
        return values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase))
            ?? throw CoSellApiException.Invalid($"{field} '{referral[field]?.ToJsonString()}' is not one of {string.Join(", ", values)}.", field);
    }

    private static string? Text(JsonObject input, string field) => CoSellJson.PropertyName(input, field) is { } name ? CoSellJson.Text(input[name]) : null;
}
