using System.Collections.Generic;

namespace PartnerReferrals.Engine.Paging;

/// <summary>One parsed page: its rows, the whole query's total when sent, and the next link when sent.</summary>
public sealed class Page<T>
{
    public Page(List<T> rows, long? totalCount, string? nextLink)
    {
        Rows = rows;
        TotalCount = totalCount;
        NextLink = nextLink;
    }

    public List<T> Rows { get; }

    public long? TotalCount { get; }

    public string? NextLink { get; }
}
