using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// Get-PartnerCoSellReferral: referrals to the host as each page arrives (the next page is requested only when the
/// rows of the last one are written, so memory stays at a page), following <c>@odata.nextLink</c> verbatim; or,
/// with ids, each referral by id with a non-terminating error for an id that does not exist.
/// </summary>
internal static class CoSellStreaming
{
    public static async Task ListAsync(CoSellClient client, CoSellQuery query, OperationContext operation, IEngineHost output, CancellationToken cancellationToken)
    {
        var progress = new RowProgress(output, query.Skip, query.First, "Getting co-sell referrals");
        var written = new RowCount();
        try
        {
            await RowWriter.WriteAllAsync(PagesAsync(client, query, operation, output, progress, cancellationToken), output, progress, cancellationToken, written).ConfigureAwait(false);
        }
        catch (PartnerReferralsException ex) when (written.Count > 0)
        {
            throw PartialResult.Of(ex, query.Skip, query.First, written.Count, progress.Expected, resumable: true);
        }

        progress.Done();
    }

    public static async Task ByIdAsync(CoSellClient client, IEnumerable<string> ids, OperationContext operation, IEngineHost output, CancellationToken cancellationToken)
    {
        foreach (var id in ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            CoSellReferral referral;
            try
            {
                referral = await client.GetByIdAsync(id, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (PartnerReferralsException ex) when (ex.HttpStatus == 404)
            {
                // As Get-Process -Id: one non-terminating error per missing id, the others still come.
                output.WriteError(CoSellErrors.ReferralNotFound(id));
                continue;
            }

            await output.WriteObjectAsync(referral, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<CoSellReferral> PagesAsync(
        CoSellClient client,
        CoSellQuery query,
        OperationContext operation,
        IEngineHost output,
        RowProgress progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var url = client.ListUrl(query.ToQueryString());
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        while (true)
        {
            var page = await client.GetPageAsync(url, operation, cancellationToken).ConfigureAwait(false);
            pages++;
            operation.Verbose(string.Format(CultureInfo.InvariantCulture, "Co-sell page {0}: {1:N0} referrals{2}.", pages, page.Rows.Count, page.NextLink is null ? ", the last" : string.Empty));
            if (pages == 1 && page.TotalCount is { } total)
            {
                progress.Total(total);
                if (query.Count)
                {
                    output.WriteTotalCount(total);
                }
            }

            foreach (var referral in page.Rows)
            {
                yield return referral;
            }

            if (page.NextLink is not { } link || page.Rows.Count == 0)
            {
                yield break;
            }

            url = new Uri(client.ReferralsUrl, link);
            if (!visited.Add(url.AbsoluteUri))
            {
                throw PagingErrors.RepeatedLink(url, pages, progress.Rows);
            }
        }
    }
}
