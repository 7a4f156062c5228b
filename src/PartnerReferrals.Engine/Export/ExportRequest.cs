using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Export;

/// <summary>What Export-PartnerReferral asks for: the query, the file and how to treat a file already there.</summary>
public sealed class ExportRequest
{
    public ReferralRequest Query { get; set; } = new();

    /// <summary>The target file, already resolved by the host (PowerShell resolves against its current location).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Add the rows to an existing file with the same header (no second header); a missing file is created.</summary>
    public bool Append { get; set; }

    /// <summary>Refuse to replace an existing file (ignored with <see cref="Append"/>, which never replaces).</summary>
    public bool NoClobber { get; set; }

    /// <summary>Replace or append to a read-only file.</summary>
    public bool Force { get; set; }
}
