using System;

namespace PartnerReferrals.Models;

/// <summary>
/// The report Export-PartnerReferralReport -PassThru wrote: where it is and what it covers. Flat and CSV-safe
/// like the other output types; <c>Get-Item $r.Path</c> gives the file itself.
/// </summary>
public sealed class ReferralReportFile
{
    /// <summary>The report's full path.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How many referrals the report covers.</summary>
    public long Referrals { get; set; }

    public DateTime? FirstCreated { get; set; }

    public DateTime? LastCreated { get; set; }

    /// <summary>When the report was made (UTC), as its header says.</summary>
    public DateTime Generated { get; set; }

    /// <summary>The file's size in bytes.</summary>
    public long Length { get; set; }
}
