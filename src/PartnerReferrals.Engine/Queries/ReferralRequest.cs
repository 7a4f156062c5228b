namespace PartnerReferrals.Engine.Queries;

/// <summary>What Get-PartnerReferral asks for.</summary>
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
}
