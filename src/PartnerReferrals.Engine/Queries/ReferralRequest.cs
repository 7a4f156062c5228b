namespace PartnerReferrals.Engine.Queries;

/// <summary>What every query command asks for: the filters, and how the rows are paged.</summary>
public sealed class ReferralRequest
{
    public ReferralFilter Filter { get; set; } = new();

    /// <summary>Rows per request, 1..10000; null means the API maximum.</summary>
    public int? PageSize { get; set; }

    /// <summary>Rows to skip before the first one returned (PowerShell's -Skip).</summary>
    public long Skip { get; set; }

    /// <summary>The most rows to return (PowerShell's -First); null means all of them.</summary>
    public long? First { get; set; }

    /// <summary>Emit the total count (PowerShell's -IncludeTotalCount) through the host before the rows.</summary>
    public bool IncludeTotalCount { get; set; }

    /// <summary>Pages in flight at most (PowerShell's -ThrottleLimit), 1..16; null for the default of 4. Halved after each 429.</summary>
    public int? ThrottleLimit { get; set; }

    /// <summary>A copy with a filter of its own.</summary>
    public ReferralRequest Clone()
    {
        var copy = (ReferralRequest)MemberwiseClone();
        copy.Filter = Filter.Clone();
        return copy;
    }
}
