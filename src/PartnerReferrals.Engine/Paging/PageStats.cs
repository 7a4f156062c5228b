using System;

namespace PartnerReferrals.Engine.Paging;

/// <summary>One page's figures, for the verbose stream.</summary>
public sealed class PageStats
{
    public PageStats(long skip, int? top, int rows, TimeSpan elapsed)
    {
        Skip = skip;
        Top = top;
        Rows = rows;
        Elapsed = elapsed;
    }

    /// <summary>The skip the page was asked with (-1 when it came from a next link that did not say).</summary>
    public long Skip { get; }

    public int? Top { get; }

    public int Rows { get; }

    public TimeSpan Elapsed { get; }
}
