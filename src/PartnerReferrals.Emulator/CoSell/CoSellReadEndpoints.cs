using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace PartnerReferrals.Emulator;

/// <summary><c>GET /v1.0/engagements/referrals</c> (list, §1.1) and <c>GET /v1.0/engagements/referrals/{id}</c> (§1.2).</summary>
internal sealed class CoSellReadEndpoints(CoSellStore store, CoSellAccess access, CoSellRepresentation representation, FaultSettings faults)
{
    // Read and written only inside the store's lock.
    private (long Version, string Key, System.Collections.Generic.List<JsonObject> Matching)? matchingCache;

    public Task<CoSellResponse> ListAsync(HttpContext context)
    {
        var query = CoSellListQuery.Parse(context.Request.Query, store.Shape);
        var key = context.Request.Query["$filter"] + "\n" + context.Request.Query["$orderby"];
        var page = store.Read((rows, version) =>
        {
            // Paging through a large list asks the same question once a page: answer it once per version.
            if (matchingCache is not { } cached || cached.Version != version || cached.Key != key)
            {
                matchingCache = cached = (version, key, query.Sorted(rows.Where(row => access.MaySee(row) && query.Filter(row))));
            }

            var matching = cached.Matching;
            var (start, end, limit) = query.PageOf(matching.Count);
            var value = new JsonArray(matching.Skip(start).Take(end - start).Select(row => (JsonNode)representation.Item(row, query.Select)).ToArray());
            var nextLink = end < limit ? NextLink(context.Request, end) : null;
            // --no-total-count: a service that leaves @odata.count out even when $count=true asks for it.
            return representation.Collection(value, query.Count && !faults.OmitTotalCount ? matching.Count : null, nextLink);
        });
        return Task.FromResult(new CoSellResponse(StatusCodes.Status200OK, CoSellJson.Bytes(page)));
    }

    public Task<CoSellResponse> GetAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        return Task.FromResult(store.Change(id, referral =>
        {
            var visible = Visible(referral, id);
            return new CoSellResponse(StatusCodes.Status200OK, CoSellJson.Bytes(representation.Entity(visible)), (string?)visible["eTag"]);
        }));
    }

    /// <summary>The referral when the caller may see it; otherwise 404 itemNotFound, as for an id that does not exist.</summary>
    public JsonObject Visible(JsonObject? referral, string id) =>
        referral is not null && access.MaySee(referral)
            ? referral
            : throw new CoSellApiException(404, "itemNotFound", $"No referral with the id '{id}' exists, or the signed-in user may not see it.", "id");

    // The request's own options with $skiptoken replaced: the client follows the link as given.
    private string NextLink(HttpRequest request, int offset)
    {
        var options = request.Query
            .Where(option => !string.Equals(option.Key, "$skiptoken", StringComparison.OrdinalIgnoreCase))
            .Select(option => new System.Collections.Generic.KeyValuePair<string, string?>(option.Key, option.Value.ToString()))
            .Append(new(("$skiptoken"), CoSellListQuery.EncodeSkipToken(offset)));
        return QueryHelpers.AddQueryString(representation.CollectionUrl.ToString(), options);
    }
}
