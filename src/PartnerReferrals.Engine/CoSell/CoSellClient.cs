using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// Reads the Referrals API over the session's HTTP pipeline (retry, tracing, correlation, token renewal) with
/// the tokens of its own audience. Pages come from <c>GET /referrals</c> and its <c>@odata.nextLink</c>s,
/// followed verbatim.
/// </summary>
public sealed class CoSellClient
{
    /// <summary>The page size the emulator and, by our reading, the service use when none is asked for (choice 1).</summary>
    public const int PageRows = 100;

    private readonly PageFetcher fetcher;

    internal CoSellClient(HttpClient client, PartnerReferralsOptions options, CoSellAccess access)
    {
        access.Demand();
        ReferralsUrl = access.ReferralsUrl!;
        fetcher = new PageFetcher(client, options, access.Tokens, ApiSurface.CoSell);
    }

    /// <summary>The collection, without a query: where a create is posted.</summary>
    public Uri CollectionUrl => new(ReferralsUrl.GetLeftPart(UriPartial.Path));

    /// <summary>One referral's URL.</summary>
    public Uri ReferralUrl(string id) => new(ReferralsUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + Uri.EscapeDataString(id.Trim()));

    /// <summary><c>…/v1.0/engagements/referrals</c>: the list URL; an item is <c>{ReferralsUrl}/{id}</c>.</summary>
    public Uri ReferralsUrl { get; }

    /// <summary>The list URL with a query (the OData options, already escaped), the first page of a pull.</summary>
    public Uri ListUrl(string queryString) =>
        new(ReferralsUrl.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(queryString) ? string.Empty : "?" + queryString));

    /// <summary>One page: the first (<see cref="ListUrl"/>) or a next link exactly as the API sent it.</summary>
    public Task<Page<CoSellReferral>> GetPageAsync(Uri url, OperationContext operation, CancellationToken cancellationToken) =>
        fetcher.FetchAsync(url, CoSellReferralReader.ReadPage, PageRows, operation, cancellationToken);

    /// <summary>One referral by id; a 404 becomes the catalogue's not-found error.</summary>
    public async Task<CoSellReferral> GetByIdAsync(string id, OperationContext operation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A referral id is required.", nameof(id));
        }

        var url = ReferralUrl(id);
        var page = await fetcher.FetchAsync(url, (body, _) => new Page<CoSellReferral>(new List<CoSellReferral> { CoSellReferralReader.ReadOne(body) }, null, null), 1, operation, cancellationToken).ConfigureAwait(false);
        return page.Rows[0];
    }

    /// <summary>A write (PATCH or POST) through the session's pipeline with the co-sell audience's token; the caller maps the answer.</summary>
    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, OperationContext operation, CancellationToken cancellationToken) =>
        fetcher.SendAsync(request, Guid.NewGuid().ToString(), operation, cancellationToken);

    /// <summary>The referral of a 200 or 201 answer.</summary>
    internal static async Task<CoSellReferral> ReadReferralAsync(HttpResponseMessage response)
    {
        var body = await BufferedBodyContent.ReadBodyAsync(response.Content).ConfigureAwait(false);
        return CoSellReferralReader.ReadOne(new ReadOnlySpan<byte>(body.Array, body.Offset, body.Count));
    }

    /// <summary>The catalogue's error for a refused write, from the API's error body (§4.5).</summary>
    internal async Task<PartnerReferralsException> ErrorOfAsync(HttpResponseMessage response, HttpRequestMessage request, OperationContext operation) =>
        fetcher.ErrorOf(response, await BufferedBodyContent.ReadBodyAsync(response.Content).ConfigureAwait(false), request, operation);
}
