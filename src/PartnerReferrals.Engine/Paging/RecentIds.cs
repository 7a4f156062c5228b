using System;
using System.Collections.Generic;

namespace PartnerReferrals.Engine.Paging;

/// <summary>
/// The ids of the last few pages, to drop a row the API sends twice. A row is repeated across pages when
/// the data shifts between two page requests: rows inserted before it push it from the end of one page to
/// the start of a later one. It moves by as many rows as were inserted meanwhile, so it turns up again on a
/// page requested about the same time, not fifty pages later; a window of pages catches it, and the memory
/// no longer grows with the result (ids of a whole pull survived to gen2 and cost a quarter of the engine's
/// CPU in the profile). The assumption: at most (window - 1) pages' worth of rows are inserted before a row
/// between the requests of the page it first appeared on and the page it reappears on. More than that, and
/// the repeat may lie beyond the window and be emitted twice. (Rows removed meanwhile make rows skip a page
/// instead, which no de-duplication can see.)
/// </summary>
internal sealed class RecentIds
{
    // One set plus the ids each page added, rather than a set per page: a new row is then hashed twice
    // (added now, removed when its page leaves the window) instead of once per page in the window.
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Queue<List<string>> pages = new();
    private readonly int windowPages;
    private List<string>? current;

    public RecentIds(int windowPages)
    {
        if (windowPages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(windowPages));
        }

        this.windowPages = windowPages;
    }

    /// <summary>Ids held now: at most the window's pages times the largest page.</summary>
    public int Count => ids.Count;

    /// <summary>Starts the next page; the oldest page leaves the window once it holds <c>windowPages</c> pages.</summary>
    public void StartPage()
    {
        // The list leaving the window is reused, so a steady pull allocates nothing here.
        var page = pages.Count >= windowPages ? pages.Dequeue() : new List<string>();
        foreach (var id in page)
        {
            ids.Remove(id);
        }

        page.Clear();
        pages.Enqueue(page);
        current = page;
    }

    /// <summary>True the first time an id is seen within the window; false for a repeat.</summary>
    public bool Add(string id)
    {
        if (current is null)
        {
            throw new InvalidOperationException("StartPage must be called before the first row.");
        }

        if (!ids.Add(id))
        {
            return false;
        }

        current.Add(id);
        return true;
    }
}
