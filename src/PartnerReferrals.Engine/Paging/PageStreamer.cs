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
/// (same id, as when data shifts between pages) are emitted once if the repeat falls within the last rows
/// remembered (<see cref="RecentIds"/>), so memory stays bounded, not growing with the result; a shifting
/// result is reported (<see cref="ShiftWatch"/>). Next links that come back to a page already read, or more
/// pages than the TotalCount allows, end the pull with an error instead of requesting forever.
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

        // A repeat moves by as many rows as were inserted before it meanwhile; the pages in flight alone must fit too.
        var seen = idOf is null ? null : new RecentIds(Math.Max(RecentIds.DefaultCapacity, WindowPages(Concurrency(query, operation)) * query.PageSize));
        var shifts = new ShiftWatch(query, operation);
        var progress = new LinkProgress();
        long emitted = 0;
        // Leaving this loop disposes the page sequence, whose finally cancels whatever is still in flight.
        await foreach (var page in PagesAsync(query, limit, operation, listener, progress, cancellationToken).ConfigureAwait(false))
        {
            shifts.Page(page.TotalCount);
            var fresh = 0;
            foreach (var row in page.Rows)
            {
                if (emitted >= limit)
                {
                    yield break;
                }

                if (seen is null || idOf!(row) is not { } id || seen.Add(id))
                {
                    emitted++;
                    fresh++;
                    yield return row;
                }
            }

            if (emitted >= limit)
            {
                yield break;
            }

            progress.PageRead(page.Rows.Count, fresh);
        }

        shifts.Finished(emitted, seen?.Repeats ?? 0);
    }

    /// <summary>
    /// Pages that may be in flight now: the query's -ThrottleLimit (else the session's default), halved once for
    /// every 429 the operation has had, as the operation halves its own default.
    /// </summary>
    internal static int Concurrency(ReferralQuery query, OperationContext operation) =>
        query.ThrottleLimit is { } limit ? Math.Max(1, limit >> Math.Min(operation.ThrottledCount, 30)) : operation.Concurrency;

    internal static int WindowPages(int concurrency) => Math.Max(MinimumWindowPages, concurrency + 1);

    /// <summary>The pages of the query in order: the first, then computed ones (total known) or next links.</summary>
    private async IAsyncEnumerable<Page<T>> PagesAsync(ReferralQuery query, long limit, OperationContext operation, PagingListener? listener, LinkProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Task<Page<T>>>();
        try
        {
            var firstTop = (int)Math.Max(1, Math.Min(query.PageSize, limit));
            var url = PageUrl(query, query.Skip, firstTop);
            var page = await FetchAsync(url, query.Skip, firstTop, operation, listener, stop.Token).ConfigureAwait(false);
            if (page.TotalCount is { } announced && listener is not null)
            {
                listener.AnnouncedTotal = announced;
                listener.TotalCount?.Invoke(announced);
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
                    while (pending.Count < Concurrency(query, operation) && nextSkip < end)
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

            // Links are remembered as fingerprints: a page count the TotalCount allows costs 8 bytes a page.
            var visited = new HashSet<ulong> { Fingerprint.Of(url.AbsoluteUri) };
            var pages = 1;
            while (page.NextLink is { } link && page.Rows.Count > 0)
            {
                var next = NextLinks.Resolve(analyticsBase, link);
                if (!visited.Add(Fingerprint.Of(next.AbsoluteUri)))
                {
                    throw PagingErrors.RepeatedLink(next, pages, progress.Rows);
                }

                if (progress.PagesWithoutNewRows >= LinkProgress.MaxPagesWithoutNewRows)
                {
                    throw PagingErrors.NoNewRows(next, progress.PagesWithoutNewRows);
                }

                // A count, when sent, says how many pages there can be; a little more for rows added meanwhile.
                if (page.TotalCount is { } count && pages >= MaxPages(count - Math.Max(0, query.Skip), rawCount))
                {
                    throw PagingErrors.TooManyPages(next, pages + 1, count, rawCount);
                }

                page = await FetchAsync(next, -1, null, operation, listener, stop.Token, expectedRows: rawCount).ConfigureAwait(false);
                pages++;
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

    /// <summary>Pages a result of <paramref name="rows"/> rows can span at <paramref name="pageRows"/> a page, plus two for rows added while it is read.</summary>
    internal static long MaxPages(long rows, int pageRows) => ((Math.Max(0, rows) + pageRows - 1) / Math.Max(1, pageRows)) + 2;

    // expectedRows: what a next-link page, asked for without a top, is likely to hold (the first page's count).
    private async Task<Page<T>> FetchAsync(Uri url, long skip, int? top, OperationContext operation, PagingListener? listener, CancellationToken cancellationToken, int expectedRows = 0)
    {
        var watch = Stopwatch.StartNew();
        var page = await fetcher.FetchAsync(url, parse, top ?? expectedRows, operation, cancellationToken).ConfigureAwait(false);
        listener?.PageArrived?.Invoke(new PageStats(skip, top, page.Rows.Count, watch.Elapsed));
        return page;
    }

    private Uri PageUrl(ReferralQuery query, long skip, int top) => new(analyticsBase, "referrals?" + query.ToQueryString(skip, top));

    /// <summary>What the consumer made of the pages so far, for the pager to see a server that does not advance.</summary>
    private sealed class LinkProgress
    {
        /// <summary>Pages in a row with no new row after which next links are taken to go round in circles.</summary>
        public const int MaxPagesWithoutNewRows = 3;

        public long Rows { get; private set; }

        public int PagesWithoutNewRows { get; private set; }

        public void PageRead(int rows, int fresh)
        {
            Rows += fresh;
            PagesWithoutNewRows = rows > 0 && fresh == 0 ? PagesWithoutNewRows + 1 : 0;
        }
    }
}
