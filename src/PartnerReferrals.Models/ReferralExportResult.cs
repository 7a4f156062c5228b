namespace PartnerReferrals.Models;

/// <summary>What Export-PartnerReferral -PassThru returns: the file and exactly what this command put in it.</summary>
public sealed class ReferralExportResult
{
    /// <summary>The full path of the CSV file.</summary>
    public string? Path { get; set; }

    /// <summary>Referrals this command wrote (for -Append: added to the end), summed over piped filter objects.</summary>
    public long Rows { get; set; }

    /// <summary>True when the rows went onto the end of a file that existed before, under its header.</summary>
    public bool Appended { get; set; }
}
