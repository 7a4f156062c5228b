using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Generates co-sell referrals (API-COSELL.md §3, §4.2) from a seed: the same seed and count give the same
/// referrals, moved in time so the newest is created at <c>asOf</c> (the emulator's start) and no date lies after
/// it. A mix of incoming and outgoing, every status with a substatus that belongs to it (§3.3), two teams in five
/// with the signed-in user, and incoming New ones created today. Incoming New referrals are never older than the
/// 14-day answer window; older incoming ones were answered or expired.
/// </summary>
internal static class CoSellDataGenerator
{
    public const string OrganizationName = "Emulated Partner";
    public const string MpnId = "1234567";
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(14);

    private static readonly string[] Countries = ["US", "US", "US", "DE", "GB", "FR", "IN", "JP", "AU", "CA", "BR", "NL", "SE", "ES", "IT"];
    private static readonly string[] Currencies = ["USD", "USD", "USD", "EUR", "EUR", "GBP", "INR", "JPY", "AUD", "CAD"];
    private static readonly string[] Sizes =
        ["1to50employees", "51to500employees", "Morethan500employees", "1to9employees", "10to50employees", "51to250employees",
         "251to1000employees", "1001to5000employees", "5001to10000employees", "10001to20000employees", "Morethan20000employees"];
    private static readonly string[] Colleagues = ["sam.reed", "ana.lopez", "kenji.sato", "priya.nair", "lena.fischer", "omar.haddad"];
    private static readonly string[] Products = ["Azure", "Microsoft365", "Dynamics365Enterprise", "PowerBI", "Teams", "SQL", "Windows"];
    private static readonly string[] Industries = ["Manufacturing", "Healthcare", "Education", "Financial Services", "Retail & Consumer Goods", "Government"];
    private static readonly string[] Stages = ["Qualify", "Develop", "Propose", "Close"];
    private static readonly string[] Partners = ["Fabrikam Solutions", "Litware Consulting", "Tailspin Cloud"];

    /// <summary>The signed-in user's e-mail: a Referrals User sees the referrals whose team has it.</summary>
    public static string SignedInEmail => EmulatedIdentity.UserName;

    public static List<JsonObject> Generate(int count, int seed, DateTimeOffset asOf)
    {
        var random = new Random(unchecked(seed * 31 + 0x0C05E11));
        var end = new DateTimeOffset(asOf.UtcTicks - asOf.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var rows = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(Referral(random, end, i));
        }

        return rows;
    }

    /// <summary>One referral with every field and non-empty collections: what filters and $select are checked against.</summary>
    public static JsonObject Shape() => Referral(new Random(0), DateTimeOffset.UnixEpoch.AddYears(50), 0);

    private static JsonObject Referral(Random random, DateTimeOffset end, int index)
    {
        // Every tenth is an incoming New one from today; the very first is created at the end itself.
        var today = end - end.UtcDateTime.TimeOfDay;
        var created = index == 0 ? end
            : index % 10 == 1 ? today + (end - today) * random.NextDouble()
            : end - TimeSpan.FromDays(730 * Math.Pow(random.NextDouble(), 1.5));
        created = Seconds(created);
        var fromToday = index == 0 || index % 10 == 1;
        var incoming = fromToday || random.NextDouble() < 0.6;
        var age = end - created;
        var (status, substatus) = incoming ? IncomingState(random, age, forceNew: fromToday) : OutgoingState(random, age);
        var updated = status == "New" && substatus == "Pending" ? created : Seconds(created + (end - created) * random.NextDouble());
        var closed = status == "Closed" ? (substatus == "Expired" ? created + AnswerWindow : updated) : (DateTimeOffset?)null;
        if (closed is { } c && c > updated)
        {
            updated = c;
        }

        var id = Guid(random);
        var engagement = Guid(random);
        var customer = CustomerName(random);
        var country = Pick(random, Countries);
        return new JsonObject
        {
            ["id"] = id,
            ["engagementId"] = engagement,
            ["name"] = customer + " " + Pick(random, Products) + " " + Pick(random, ["rollout", "migration", "renewal", "expansion", "pilot"]),
            ["organizationId"] = EmulatedIdentity.TenantId,
            ["organizationName"] = OrganizationName,
            ["mpnId"] = MpnId,
            ["externalReferenceId"] = incoming ? null : "CRM-OPP-" + random.Next(1, 999_999).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            ["createdDateTime"] = CoSellDates.Format(created),
            ["updatedDateTime"] = CoSellDates.Format(updated),
            ["acceptedDateTime"] = incoming ? (status is "Active" || substatus is "Won" or "Lost" ? CoSellDates.Format(Seconds(created + (updated - created) / 3)) : null) : CoSellDates.Format(created),
            ["expirationDateTime"] = incoming ? CoSellDates.Format(created + AnswerWindow) : null,
            ["closedDateTime"] = closed is { } closedAt ? CoSellDates.Format(closedAt) : null,
            ["status"] = status,
            ["substatus"] = substatus,
            ["statusReason"] = substatus switch { "Lost" => "Customer chose another vendor", "Declined" => "Outside our practice area", _ => null },
            ["type"] = random.NextDouble() < 0.7 ? "Shared" : "Independent",
            ["qualification"] = incoming ? Pick(random, ["SalesQualified", "MarketingQualified", "None"]) : Pick(random, ["None", "SalesQualified"]),
            ["direction"] = incoming ? "Incoming" : "Outgoing",
            ["referralSource"] = null,
            ["callToAction"] = null,
            ["salesStage"] = status == "Active" ? Pick(random, Stages) : null,
            ["favorite"] = random.NextDouble() < 0.1,
            ["isSpam"] = false,
            ["quality"] = "Unknown",
            ["dealSensitivity"] = "None",
            ["registrationStatus"] = "None",
            ["tags"] = new JsonArray(),
            ["eTag"] = "\"" + Guid(random) + "\"",
            ["target"] = new JsonArray(new JsonObject { ["type"] = "SolutionProfile", ["id"] = "SOL-" + random.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-EMU" }),
            ["customerProfile"] = new JsonObject
            {
                ["name"] = customer,
                ["size"] = Pick(random, Sizes),
                ["isMatchingComplete"] = false,
                ["address"] = new JsonObject
                {
                    ["addressLine1"] = random.Next(1, 999).ToString(System.Globalization.CultureInfo.InvariantCulture) + " Main Street",
                    ["addressLine2"] = null,
                    ["city"] = "City " + country,
                    ["state"] = null,
                    ["postalCode"] = random.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["country"] = country,
                    ["region"] = null,
                },
                ["team"] = new JsonArray(Member(random, "contact" + random.Next(1, 99), customer.Split(' ')[0].ToLowerInvariant().Replace("'", string.Empty) + ".example")),
                ["ids"] = new JsonArray(new JsonObject { ["profileType"] = "External", ["id"] = "ACC-" + random.Next(1, 9999) }),
            },
            ["consent"] = new JsonObject
            {
                ["consentToToShareInfoWithOthers"] = true,
                ["consentToContact"] = true,
                ["consentToShareReferralWithMicrosoftSellers"] = random.NextDouble() < 0.8,
            },
            ["details"] = new JsonObject
            {
                ["notes"] = incoming ? "Customer asked for help with " + Pick(random, Products) + "." : null,
                ["dealValue"] = Math.Round((1000 + 2_000_000 * Math.Pow(random.NextDouble(), 3)) / 100) * 100,
                ["currency"] = Pick(random, Currencies),
                ["closingDateTime"] = CoSellDates.Format(Seconds(created + TimeSpan.FromDays(random.Next(30, 240))) - Seconds(created).TimeOfDay),
                ["customerRequestedContact"] = null,
                ["customerAction"] = null,
                ["incentiveLevel"] = null,
                ["requirements"] = new JsonObject
                {
                    ["industries"] = new JsonArray(new JsonObject { ["id"] = Pick(random, Industries) }),
                    ["products"] = new JsonArray(new JsonObject { ["id"] = Pick(random, Products) }),
                    ["services"] = new JsonArray(),
                    ["solutions"] = new JsonArray(),
                    ["offers"] = new JsonArray(),
                    ["salesPlays"] = new JsonArray(),
                },
            },
            ["team"] = Team(random, index),
            ["inviteContext"] = new JsonObject
            {
                ["notes"] = null,
                ["assistanceRequestCode"] = incoming ? "GeneralOrOther" : "CustomerTechnicalArchitecture",
                ["invitedMpnId"] = null,
                ["invitedBy"] = incoming && random.NextDouble() < 0.3
                    ? new JsonObject { ["organizationId"] = Guid(random), ["organizationName"] = Pick(random, Partners) }
                    : incoming
                        ? new JsonObject { ["organizationId"] = "msft", ["organizationName"] = "Microsoft" }
                        : new JsonObject { ["organizationId"] = EmulatedIdentity.TenantId, ["organizationName"] = OrganizationName },
            },
            ["trackingInfo"] = new JsonObject
            {
                ["microsoftMsxId"] = null,
                ["microsoftUSFedOpportunityId"] = null,
                ["microsoftUSFedLeadId"] = null,
                ["migratedPSCDealId"] = null,
                ["migratedPSCPartnerDealId"] = null,
            },
            ["registrations"] = new JsonArray(),
        };
    }

    private static (string Status, string Substatus) IncomingState(Random random, TimeSpan age, bool forceNew)
    {
        if (forceNew || (age < AnswerWindow && random.NextDouble() < 0.6))
        {
            return ("New", random.NextDouble() < 0.7 ? "Pending" : "Received");
        }

        var roll = random.NextDouble();
        return roll switch
        {
            < 0.35 => ("Active", "Accepted"),
            < 0.5 => ("Closed", "Declined"),
            < 0.65 when age >= AnswerWindow => ("Closed", "Expired"),
            < 0.85 => ("Closed", "Won"),
            _ => ("Closed", "Lost"),
        };
    }

    private static (string Status, string Substatus) OutgoingState(Random random, TimeSpan age) =>
        age < TimeSpan.FromDays(30) || random.NextDouble() < 0.45 ? ("Active", "Accepted")
        : random.NextDouble() < 0.6 ? ("Closed", "Won") : ("Closed", "Lost");

    // Two teams in five have the signed-in user, so a Referrals User sees some of each kind.
    private static JsonArray Team(Random random, int index)
    {
        var team = new JsonArray();
        if (index % 5 is 0 or 1)
        {
            team.Add(Member(EmulatedIdentity.DisplayName.Split(' ')[0], EmulatedIdentity.DisplayName.Split(' ')[^1], SignedInEmail));
        }

        foreach (var name in Colleagues.OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
        {
            team.Add(Member(random, name, "emulated-partner.onmicrosoft.com"));
        }

        return team;
    }

    private static JsonObject Member(Random random, string name, string domain)
    {
        var parts = name.Split('.');
        var member = Member(Capital(parts[0]), parts.Length > 1 ? Capital(parts[1]) : "Contact", name + "@" + domain);
        member["phoneNumber"] = "+1206555" + random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return member;
    }

    private static JsonObject Member(string first, string last, string email) => new()
    {
        ["firstName"] = first,
        ["lastName"] = last,
        ["email"] = email,
        ["phoneNumber"] = null,
        ["title"] = null,
        ["contactPreference"] = new JsonObject { ["locale"] = "en-us", ["disableNotifications"] = false },
    };

    private static string CustomerName(Random random) =>
        string.Join(' ', new[] { Pick(random, NameWords.Leading), Pick(random, NameWords.Middle), Pick(random, NameWords.Trailing) }.Where(w => w.Length > 0));

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    private static DateTimeOffset Seconds(DateTimeOffset value) => new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
