using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// Streams the rows of a query page by page. With a total count the remaining pages are computed (skip/top)
/// and fetched a few at a time, in order; without one, next links are followed. Only what <c>First</c> needs is
/// fetched; when the consumer stops, in-flight requests are cancelled and no new one starts. Rows seen twice
/// (same id, as when data shifts between pages) are emitted once if the repeat falls within a window of recent
/// pages (<see cref="RecentIds"/>), so memory stays bounded by the window, not the result.
/// </summary>
internal sealed class PageStreamer<T>
{
    /// <summary>
    /// Fewest pages whose ids are kept. With concurrency 1 the window would be two pages, which a repeat
    /// pushed a page and a bit misses; three costs little.
    /// </summary>
    internal const int MinimumWindowPages = 3;

    private readonly PageFetcher fetcher;
    private readonly Uri analyticsBase;
    private readonly SpanPageParser<T> parse;
    private readonly Func<T, string?>? idOf;

    public PageStreamer(PageFetcher fetcher, Uri analyticsBase, SpanPageParser<T> parse, Func<T, string?>? idOf)
    {
        this.fetcher = fetcher;
        this.analyticsBase = analyticsBase;
        this.parse = parse;
        this.idOf = idOf;
    }

    public async IAsyncEnumerable<T> StreamAsync(ReferralQuery query, OperationContext operation, PagingListener? listener, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = query.First ?? long.MaxValue;
        if (limit == 0 && listener?.WantsTotalCount != true)
        {
            yield break;
        }

        // The pages in flight plus the one being read were requested at about the same time, so a row shifted
        // between their requests lands among them; see RecentIds for when a repeat could still get through.
        var seen = idOf is null ? null : new RecentIds(WindowPages(operation.Concurrency));
        long emitted = 0;
        // Leaving this loop disposes the page sequence, whose finally cancels whatever is still in flight.
        await foreach (var page in PagesAsync(query, limit, operation, listener, cancellationToken).ConfigureAwait(false))
        {
            seen?.StartPage();
            foreach (var row in page.Rows)
            {
                if (emitted >= limit)
                {
                    yield break;
                }

                if (seen is null || idOf!(row) is not { } id || seen.Add(id))
                {
                    emitted++;
                    yield return row;
                }
            }

            if (emitted >= limit)
            {
                yield break;
            }
        }
    }

    internal static int WindowPages(int concurrency) => Math.Max(MinimumWindowPages, concurrency + 1);

    /// <summary>The pages of the query in order: the first, then computed ones (total known) or next links.</summary>
    private async IAsyncEnumerable<Page<T>> PagesAsync(ReferralQuery query, long limit, OperationContext operation, PagingListener? listener, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Task<Page<T>>>();
        try
        {
            var firstTop = (int)Math.Max(1, Math.Min(query.PageSize, limit));
            var url = PageUrl(query, query.Skip, firstTop);
            var page = await FetchAsync(url, query.Skip, firstTop, operation, listener, stop.Token).ConfigureAwait(false);
            if (page.TotalCount is { } announced)
            {
                listener?.TotalCount?.Invoke(announced);
            }

            yield return page;
            var rawCount = page.Rows.Count;
            if (rawCount == 0)
            {
                yield break;
            }

            if (page.TotalCount is { } total)
            {
                // A server that caps pages below our top reveals its page size on the first page; keep to it.
                var step = rawCount < firstTop ? rawCount : query.PageSize;
                var end = Math.Min(total, limit == long.MaxValue ? total : query.Skip + limit);
                var nextSkip = query.Skip + rawCount;
                while (true)
                {
                    while (pending.Count < operation.Concurrency && nextSkip < end)
                    {
                        var top = (int)Math.Min(step, end - nextSkip);
                        pending.Enqueue(FetchAsync(PageUrl(query, nextSkip, top), nextSkip, top, operation, listener, stop.Token));
                        nextSkip += top;
                    }

                    if (pending.Count == 0)
                    {
                        yield break;
                    }

                    page = await pending.Dequeue().ConfigureAwait(false);
                    if (page.Rows.Count == 0)
                    {
                        // The result shrank since the first page: nothing lies beyond an empty page.
                        nextSkip = end;
                    }

                    yield return page;
                }
            }

            while (page.NextLink is { } link && page.Rows.Count > 0)
            {
                var next = NextLinks.Resolve(analyticsBase, link);
                if (next == url)
                {
                    yield break;
                }

                url = next;
                page = await FetchAsync(url, -1, null, operation, listener, stop.Token).ConfigureAwait(false);
                yield return page;
            }
        }
        finally
        {
            // Runs when the consumer stops early too: cancel what is in flight and wait, so no request outlives the stream.
            stop.Cancel();
            while (pending.Count > 0)
            {
                try
                {
                    await pending.Dequeue().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled or failed pages nobody asked for any more.
                }
            }
        }
    }

    private async Task<Page<T>> FetchAsync(Uri url, long skip, int? top, OperationContext operation, PagingListener? listener, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var page = await fetcher.FetchAsync(url, parse, operation, cancellationToken).ConfigureAwait(false);
        listener?.PageArrived?.Invoke(new PageStats(skip, top, page.Rows.Count, watch.Elapsed));
        return page;
    }

    private Uri PageUrl(ReferralQuery query, long skip, int top) => new(analyticsBase, "referrals?" + query.ToQueryString(skip, top));
}
