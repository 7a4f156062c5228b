using System.Management.Automation;
using PartnerReferrals.Engine.Export;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Writes referrals straight into a CSV file, without the pipeline. The engine does the writing; this resolves the
/// path against PowerShell's current location and asks ShouldProcess.
/// </summary>
[Cmdlet(VerbsData.Export, "PartnerReferral", SupportsShouldProcess = true)]
[OutputType(typeof(ReferralExportResult))]
public sealed class ExportPartnerReferralCommand : QueryCmdlet
{
    private long? first;
    private ReferralExportResult? written;

    /// <summary>
    /// The CSV file to write. A relative path is taken from the current PowerShell location (Get-Location), as
    /// Export-Csv does. The folder must exist.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// Adds the rows to the end of an existing file without a second header, for example a later incremental pull
    /// (-After the last run). The file must start with the same header that Export-PartnerReferral writes (the columns
    /// of a Referral object) and hold ISO 8601 UTC dates, as Export-PartnerReferral writes them; otherwise (a file of
    /// Export-Csv, whose dates are in a culture's format) nothing is written and the error names -Append, so one column
    /// never mixes two date formats. A missing file is created with a header. If the pull fails, nothing is appended.
    /// </summary>
    [Parameter]
    public SwitchParameter Append { get; set; }

    /// <summary>
    /// Refuses to replace an existing file: the command fails before any request, naming -NoClobber. Ignored with
    /// -Append, which never replaces a file.
    /// </summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Replaces, or appends to, a file marked read-only.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// Returns a ReferralExportResult when the export is complete: the file's path, how many referrals this command
    /// wrote and whether they were appended. By default the command returns nothing, as Export-Csv does.
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Exports at most this many referrals.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long First
    {
        get => first.GetValueOrDefault();
        set => first = value;
    }

    /// <summary>Skips this many referrals first, for example to finish a pull that stopped (then add -Append).</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long Skip { get; set; }

    protected override void ProcessRecord()
    {
        var path = FileSystemPath(Path, nameof(Path));
        if (!ShouldProcess(path, Append ? "Append referrals" : "Export referrals"))
        {
            return;
        }

        var query = SharedRequest();
        query.Skip = Skip;
        query.First = first;
        var request = new ExportRequest
        {
            Query = query,
            Path = path,
            // Piped filter objects (one per status, say) each bring rows: the first record writes the file, the rest
            // add to it, so the file holds them all instead of only the last one's.
            Append = Append.IsPresent || written?.Path == path,
            NoClobber = NoClobber.IsPresent,
            Force = Force.IsPresent,
        };
        var result = RunEngine((host, token) => ReferralExport.Export(Session, request, host, token));
        if (result is not null)
        {
            // Later piped records add to the file the first one wrote: the result covers them all.
            written = written is null ? result : new ReferralExportResult { Path = result.Path, Rows = written.Rows + result.Rows, Appended = written.Appended };
        }
    }

    protected override void EndProcessing()
    {
        if (PassThru && written is not null)
        {
            WriteObject(written);
        }
    }
}
