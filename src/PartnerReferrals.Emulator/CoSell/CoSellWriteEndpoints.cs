using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// <c>PATCH /v1.0/engagements/referrals/{id}</c> (§1.4): the role (403), the referral (404), <c>If-Match</c> (412
/// preconditionFailed; optional, <c>*</c> matches any), the patch and the move (400, 409 on a Closed referral); a new
/// eTag and updatedDateTime; 200 with the referral for <c>Prefer: return=representation</c>, else 204. And
/// <c>POST /v1.0/engagements/referrals</c> (§1.3): Admin only, 201.
/// </summary>
internal sealed class CoSellWriteEndpoints(CoSellStore store, CoSellAccess access, CoSellRepresentation representation, CoSellReadEndpoints read)
{
    private static readonly string[] PatchTypes = ["application/json-patch+json", "application/json"];

    public async Task<CoSellResponse> PatchAsync(HttpContext context)
    {
        access.DemandUpdate();
        var id = (string)context.Request.RouteValues["id"]!;
        var operations = CoSellPatch.Parse(await BodyAsync(context.Request, PatchTypes).ConfigureAwait(false));
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var representationWanted = context.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("return=representation", StringComparison.OrdinalIgnoreCase));
        return store.Change(id, stored =>
        {
            var referral = read.Visible(stored, id);
            var eTag = (string)referral["eTag"]!;
            if (ifMatch.Length > 0 && ifMatch.Trim() != "*" && !ifMatch.Split(',').Any(tag => tag.Trim() == eTag))
            {
                throw new CoSellApiException(412, "preconditionFailed", "The eTag supplied in If-Match does not match the referral.",
                    "referral", "eTagMismatch", "Read the referral again and retry.");
            }

            var patched = CoSellPatch.Apply(referral, operations, store.Now);
            referral.Clear();
            foreach (var (name, value) in patched.ToList())
            {
                patched.Remove(name);
                referral[name] = value;
            }

            store.Touch(referral);
            var newTag = (string)referral["eTag"]!;
            return representationWanted
                ? new CoSellResponse(StatusCodes.Status200OK, CoSellJson.Bytes(representation.Entity(referral)), newTag)
                : new CoSellResponse(StatusCodes.Status204NoContent, null, newTag);
        });
    }

    /// <summary><c>POST /referrals</c>: 201 Created with the referral, its <c>Location</c> and <c>ETag</c> (choice 8).</summary>
    public async Task<CoSellResponse> CreateAsync(HttpContext context)
    {
        access.DemandCreate();
        var referral = CoSellCreate.From(await BodyAsync(context.Request, ["application/json"]).ConfigureAwait(false), store.Now);
        return store.Add(referral, added => new CoSellResponse(StatusCodes.Status201Created, CoSellJson.Bytes(representation.Entity(added)),
            (string)added["eTag"]!, representation.ItemUrl((string)added["id"]!)));
    }

    /// <summary>The request body as text, when its content type is one of <paramref name="accepted"/> (else 415).</summary>
    public static async Task<string> BodyAsync(HttpRequest request, string[] accepted)
    {
        var type = request.ContentType?.Split(';')[0].Trim();
        if (type is null || !accepted.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw new CoSellApiException(415, "invalidRequest", $"Content-Type must be {string.Join(" or ", accepted)}, not '{request.ContentType}'.", "Content-Type");
        }

        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
