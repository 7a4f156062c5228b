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
    private readonly int? firstPageRows;

    /// <param name="fetcher">Gets and parses one page.</param>
    /// <param name="analyticsBase">What page URLs and relative next links resolve against.</param>
    /// <param name="parse">The page parser for <typeparamref name="T"/>.</param>
    /// <param name="idOf">A row's id, to drop rows sent twice; null for rows without one.</param>
    /// <param name="firstPageRows">
    /// When set, the most rows the first request asks for (see <see cref="PagesAsync"/>): for rows a consumer
    /// sees one by one, where the first row should not wait for a whole page. Null: the first page is a full one.
    /// </param>
    public PageStreamer(PageFetcher fetcher, Uri analyticsBase, SpanPageParser<T> parse, Func<T, string?>? idOf, int? firstPageRows = null)
    {
        this.firstPageRows = firstPageRows;
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

    /// <summary>
    /// The pages of the query in order: the first, then computed ones (total known) or next links.
    /// <para>With <see cref="firstPageRows"/> set and more than that many rows wanted, the first request asks for only
    /// that many, so the first row arrives after a small page; the pages after it are full ones (not with one page
    /// in flight at a time, where it would cost a round trip). Nothing is asked
    /// for before the first page is back, so a result that fits in it costs one request, as before. A server that
    /// sends no TotalCount is asked for the second page by skip and top at full size, and followed by next links
    /// from there, so the rest is not read at the small page's size. A page shorter than asked before the end
    /// shows the server's own page limit: the pages planned after it are dropped and planned again from where it
    /// ended, at its size, so no rows are skipped.</para>
    /// </summary>
    private async IAsyncEnumerable<Page<T>> PagesAsync(ReferralQuery query, long limit, OperationContext operation, PagingListener? listener, LinkProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<PlannedPage>();
        // Pages fetched but no longer wanted; awaited at the end so no request outlives the stream.
        var dropped = new List<Task<Page<T>>>();
        try
        {
            var firstTop = (int)Math.Max(1, Math.Min(query.PageSize, limit));
            // One page at a time, a short first page would add a round trip to every pull larger than it.
            var shortFirst = firstPageRows is { } small && firstTop > small && Concurrency(query, operation) > 1;
            if (shortFirst)
            {
                firstTop = firstPageRows!.Value;
            }

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
                var end = Math.Min(total, limit == long.MaxValue ? total : query.Skip + limit);
                var nextSkip = query.Skip + rawCount;
                var step = query.PageSize;
                if (rawCount < firstTop)
                {
                    // A server that caps pages below our top reveals its page size on the first page; keep to it.
                    step = rawCount;
                }

                while (true)
                {
                    while (pending.Count < Concurrency(query, operation) && nextSkip < end)
                    {
                        var top = (int)Math.Min(step, end - nextSkip);
                        pending.Enqueue(Plan(query, nextSkip, top, operation, listener, stop.Token));
                        nextSkip += top;
                    }

                    if (pending.Count == 0)
                    {
                        yield break;
                    }

                    var planned = pending.Dequeue();
                    page = await planned.Page.ConfigureAwait(false);
                    var got = page.Rows.Count;
                    if (got == 0)
                    {
                        // The result shrank since the first page: nothing lies beyond an empty page.
                        nextSkip = end;
                    }
                    else if (got < planned.Top && planned.Skip + got < end)
                    {
                        // Short before the end: the server's page limit is below what was asked. Plan again from here.
                        step = Math.Min(step, got);
                        nextSkip = planned.Skip + got;
                        while (pending.Count > 0)
                        {
                            dropped.Add(pending.Dequeue().Page);
                        }
                    }

                    yield return page;
                }
            }

            // Links are remembered as fingerprints: a page count the TotalCount allows costs 8 bytes a page.
            var visited = new HashSet<ulong> { Fingerprint.Of(url.AbsoluteUri) };
            var pages = 1;
            var pageRows = rawCount;
            if (shortFirst && rawCount == firstTop && page.NextLink is not null)
            {
                // No count, and more to come: ask for the next page at full size by skip and top, then follow its links.
                var skip = query.Skip + rawCount;
                var top = (int)Math.Min(query.PageSize, limit - rawCount);
                var full = PageUrl(query, skip, top);
                visited.Add(Fingerprint.Of(full.AbsoluteUri));
                page = await FetchAsync(full, skip, top, operation, listener, stop.Token).ConfigureAwait(false);
                pages++;
                pageRows = Math.Max(pageRows, page.Rows.Count);
                yield return page;
            }

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
                if (page.TotalCount is { } count && pages >= MaxPages(count - Math.Max(0, query.Skip), pageRows))
                {
                    throw PagingErrors.TooManyPages(next, pages + 1, count, pageRows);
                }

                page = await FetchAsync(next, -1, null, operation, listener, stop.Token, expectedRows: pageRows).ConfigureAwait(false);
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
                dropped.Add(pending.Dequeue().Page);
            }

            foreach (var task in dropped)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled or failed pages nobody asked for any more.
                }
            }
        }
    }

    private PlannedPage Plan(ReferralQuery query, long skip, int top, OperationContext operation, PagingListener? listener, CancellationToken cancellationToken)
    {
        var url = PageUrl(query, skip, top);
        return new PlannedPage(skip, top, FetchAsync(url, skip, top, operation, listener, cancellationToken));
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

    /// <summary>A page requested by skip and top, with what it asked for, to tell a short page from the last one.</summary>
    private readonly record struct PlannedPage(long Skip, int Top, Task<Page<T>> Page);

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
