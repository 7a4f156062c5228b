namespace PartnerReferrals.Engine.Insights;

/// <summary>Where Export-PartnerReferralReport writes, and how it treats a file already there (as Export-PartnerReferral does).</summary>
public sealed class ReportTarget
{
    /// <summary>The HTML file, already resolved by the host (PowerShell resolves against its current location).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Refuse to replace an existing file.</summary>
    public bool NoClobber { get; set; }

    /// <summary>Replace a read-only file.</summary>
    public bool Force { get; set; }
}
