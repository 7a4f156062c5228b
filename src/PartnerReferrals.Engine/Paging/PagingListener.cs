using System;

namespace PartnerReferrals.Engine.Paging;

/// <summary>What the paging loop tells its caller as it goes (called from any thread).</summary>
public sealed class PagingListener
{
    /// <summary>The query's total row count, once, after the first page.</summary>
    public Action<long>? TotalCount { get; set; }

    /// <summary>The total the first page announced, once it arrived; null before, or when the API sent none.</summary>
    public long? AnnouncedTotal { get; internal set; }

    /// <summary>After each page arrives.</summary>
    public Action<PageStats>? PageArrived { get; set; }

    /// <summary>Ask for the total even when no row is wanted (-First 0 -IncludeTotalCount).</summary>
    public bool WantsTotalCount { get; set; }
}
