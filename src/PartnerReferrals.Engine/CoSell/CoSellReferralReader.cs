using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// Reads co-sell referrals (API-COSELL.md §3) into <see cref="CoSellReferral"/>. A referral is a small nested
/// document, so each one is read as a DOM value and mapped; the page envelope is walked by the same reader as
/// the analytics API's. Property names match in any case; unknown properties are ignored; a value of an
/// unexpected type reads as null rather than failing the pull.
/// </summary>
public static class CoSellReferralReader
{
    private static readonly RowState NoState = new(null, null);

    /// <summary>One list page: its referrals and its <c>@odata.nextLink</c>, verbatim.</summary>
    public static Page<CoSellReferral> ReadPage(ReadOnlySpan<byte> json, int expectedRows = 0) =>
        ReferralPageReader.Read(json, expectedRows, ReadRow, NoState);

    /// <summary>One referral, the body of GET <c>/referrals/{id}</c>.</summary>
    public static CoSellReferral ReadOne(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("The response body is not a JSON object.");
            }

            return ReadRow(ref reader, NoState);
        }
        catch (JsonException ex) when (ReferralPageReader.IsIncomplete(json))
        {
            // Cut short on the way: the fetcher asks again, as it does for a list page.
            throw new TruncatedJsonException(ex);
        }
    }

    /// <summary>Maps one referral object.</summary>
    public static CoSellReferral Read(JsonElement referral)
    {
        var customer = Object(referral, "customerProfile");
        var address = Object(customer, "address");
        var details = Object(referral, "details");
        var team = Members(Array(referral, "team"));
        return new CoSellReferral
        {
            Id = Text(referral, "id"),
            Name = Text(referral, "name"),
            Status = Text(referral, "status"),
            Substatus = Text(referral, "substatus"),
            StatusReason = Text(referral, "statusReason"),
            Direction = Text(referral, "direction"),
            Type = Text(referral, "type"),
            Qualification = Text(referral, "qualification"),
            CustomerName = Text(customer, "name"),
            CustomerCountry = Text(address, "country"),
            CustomerSize = Text(customer, "size"),
            DealValue = Number(details, "dealValue"),
            Currency = Text(details, "currency"),
            CloseDate = Date(details, "closingDateTime"),
            SalesStage = Text(referral, "salesStage"),
            CreatedDateTime = Date(referral, "createdDateTime"),
            UpdatedDateTime = Date(referral, "updatedDateTime"),
            AcceptedDateTime = Date(referral, "acceptedDateTime"),
            ExpirationDateTime = Date(referral, "expirationDateTime"),
            ClosedDateTime = Date(referral, "closedDateTime"),
            Team = string.Join("; ", team.Select(member => member.Email).Where(email => !string.IsNullOrWhiteSpace(email))),
            EngagementId = Text(referral, "engagementId"),
            OrganizationName = Text(referral, "organizationName"),
            ExternalReferenceId = Text(referral, "externalReferenceId"),
            Notes = Text(details, "notes"),
            ETag = Text(referral, "eTag"),
            Customer = customer is { } c ? Customer(c, address) : null,
            TeamMembers = team,
            Requirements = Object(details, "requirements") is { } requirements ? Requirements(requirements) : null,
            Targets = List(Array(referral, "target"), target => new CoSellTarget { Type = Text(target, "type"), Id = Text(target, "id") }),
            InviteContext = Object(referral, "inviteContext") is { } invite ? InviteContext(invite) : null,
            Consent = Object(referral, "consent") is { } consent ? Consent(consent) : null,
        };
    }

    private static CoSellReferral ReadRow(ref Utf8JsonReader reader, RowState state)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement);
    }

    private static CoSellCustomer Customer(JsonElement customer, JsonElement? address) => new()
    {
        Name = Text(customer, "name"),
        Size = Text(customer, "size"),
        Address = address is { } a
            ? new CoSellAddress
            {
                AddressLine1 = Text(a, "addressLine1"),
                AddressLine2 = Text(a, "addressLine2"),
                City = Text(a, "city"),
                State = Text(a, "state"),
                PostalCode = Text(a, "postalCode"),
                Country = Text(a, "country"),
                Region = Text(a, "region"),
            }
            : null,
        Contacts = Members(Array(customer, "team")),
        Ids = List(Array(customer, "ids"), id => Text(id, "profileType") is { } kind ? kind + ":" + Text(id, "id") : Text(id, "id")),
    };

    private static CoSellRequirements Requirements(JsonElement requirements) => new()
    {
        Industries = Tags(requirements, "industries"),
        Products = Tags(requirements, "products"),
        Services = Tags(requirements, "services"),
        Solutions = List(Array(requirements, "solutions"), solution => Text(solution, "name") ?? Text(solution, "id")),
    };

    private static CoSellInviteContext InviteContext(JsonElement invite)
    {
        var invitedBy = Object(invite, "invitedBy");
        return new CoSellInviteContext
        {
            InvitedByOrganizationId = Text(invitedBy, "organizationId"),
            InvitedByOrganizationName = Text(invitedBy, "organizationName"),
            AssistanceRequestCode = Text(invite, "assistanceRequestCode"),
            Notes = Text(invite, "notes"),
        };
    }

    private static CoSellConsent Consent(JsonElement consent) => new()
    {
        ShareInfoWithOthers = Flag(consent, "consentToToShareInfoWithOthers"),
        Contact = Flag(consent, "consentToContact"),
        ShareWithMicrosoftSellers = Flag(consent, "consentToShareReferralWithMicrosoftSellers"),
    };

    private static CoSellList<CoSellMember> Members(JsonElement? members) => List(members, member => new CoSellMember
    {
        FirstName = Text(member, "firstName"),
        LastName = Text(member, "lastName"),
        Email = Text(member, "email"),
        PhoneNumber = Text(member, "phoneNumber"),
        Title = Text(member, "title"),
        Locale = Text(Object(member, "contactPreference"), "locale"),
    });

    private static CoSellList<string> Tags(JsonElement requirements, string name) => List(Array(requirements, name), tag => Text(tag, "id"));

    private static CoSellList<T> List<T>(JsonElement? array, Func<JsonElement, T?> map)
    {
        if (array is not { } items)
        {
            return CoSellList<T>.Empty;
        }

        var list = new List<T>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && map(item) is { } value)
            {
                list.Add(value);
            }
        }

        return list.Count == 0 ? CoSellList<T>.Empty : new CoSellList<T>(list);
    }

    private static JsonElement? Property(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static JsonElement? Object(JsonElement? parent, string name) => Property(parent, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    private static JsonElement? Array(JsonElement? parent, string name) => Property(parent, name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    private static string? Text(JsonElement? parent, string name) => Property(parent, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        { ValueKind: JsonValueKind.True } => "True",
        { ValueKind: JsonValueKind.False } => "False",
        _ => null,
    };

    private static bool? Flag(JsonElement? parent, string name) => Property(parent, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var flag) => flag,
        _ => null,
    };

    // The docs send dealValue as a string in PATCH examples; read both.
    private static decimal? Number(JsonElement? parent, string name) => Property(parent, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var number) => number,
        { ValueKind: JsonValueKind.String } value when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static DateTime? Date(JsonElement? parent, string name)
    {
        var text = Property(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            || date.Ticks == 0)
        {
            return null;
        }

        return DateTime.SpecifyKind(date, DateTimeKind.Utc);
    }
}
