using System;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>
/// How a stored referral is sent (§4.2, §4.3): a copy with <c>links</c> (self and relatedReferrals on this origin),
/// narrowed to <c>$select</c>'s fields in a list; a single entity starts with its <c>@odata.context</c>.
/// </summary>
internal sealed class CoSellRepresentation(Func<Uri> baseAddress)
{
    public const string CollectionPath = "/v1.0/engagements/referrals";

    public Uri CollectionUrl => new(baseAddress(), CollectionPath.TrimStart('/'));

    public string ItemUrl(string id) => CollectionUrl + "/" + Uri.EscapeDataString(id);

    public JsonObject Entity(JsonObject stored)
    {
        var entity = new JsonObject { ["@odata.context"] = CollectionUrl + "/$metadata#Referrals/$entity" };
        foreach (var (name, value) in Item(stored, null))
        {
            entity[name] = value?.DeepClone();
        }

        return entity;
    }

    public JsonObject Item(JsonObject stored, string[]? select)
    {
        var item = new JsonObject();
        foreach (var (name, value) in stored)
        {
            if (select is null || Array.IndexOf(select, name) >= 0)
            {
                item[name] = value?.DeepClone();
            }
        }

        if (select is null || Array.IndexOf(select, "links") >= 0)
        {
            var id = (string)stored["id"]!;
            item["links"] = new JsonObject
            {
                ["relatedReferrals"] = new JsonObject
                {
                    ["uri"] = CollectionUrl + "?$filter=" + Uri.EscapeDataString("engagementId eq '" + (string?)stored["engagementId"] + "'"),
                    ["method"] = "GET",
                },
                ["self"] = new JsonObject { ["uri"] = ItemUrl(id), ["method"] = "GET" },
            };
        }

        return item;
    }

    public JsonObject Collection(JsonArray value, int? count, string? nextLink)
    {
        var page = new JsonObject { ["@odata.context"] = new Uri(baseAddress(), "v1.0/$metadata#Referrals").ToString() };
        if (count is { } total)
        {
            page["@odata.count"] = total;
        }

        page["value"] = value;
        if (nextLink is not null)
        {
            page["@odata.nextLink"] = nextLink;
        }

        return page;
    }
}
