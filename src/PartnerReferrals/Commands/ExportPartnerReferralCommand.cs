using System;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using PartnerReferrals.Engine.Export;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Writes referrals straight into a CSV file, without the pipeline. The engine does the writing; this resolves the
/// path against PowerShell's current location and asks ShouldProcess.
/// </summary>
[Cmdlet(VerbsData.Export, "PartnerReferral", SupportsShouldProcess = true)]
[OutputType(typeof(ReferralExportResult))]
public sealed class ExportPartnerReferralCommand : ReferralFilterCmdlet
{
    private long? first;
    private ReferralExportResult? written;

    /// <summary>The CSV file; relative paths are taken from the current location (Get-Location).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Adds the rows to an existing file with the same header, without a second header.</summary>
    [Parameter]
    public SwitchParameter Append { get; set; }

    /// <summary>Refuses to replace an existing file.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Replaces (or appends to) a read-only file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Returns what was written (file, rows, appended) when done; by default nothing is returned, as with Export-Csv.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The most rows to export; all when left out.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long First
    {
        get => first.GetValueOrDefault();
        set => first = value;
    }

    /// <summary>Rows to skip first, e.g. to finish a pull that stopped.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long Skip { get; set; }

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-Path: '" + Path + "' is not a file system path (it is on the " + provider.Name + " provider). Give a file path, e.g. ./referrals.csv."),
                "PartnerReferrals.Export.NotFileSystemPath",
                ErrorCategory.InvalidArgument,
                Path));
        }

        if (!ShouldProcess(path, Append ? "Append referrals" : "Export referrals"))
        {
            return;
        }

        var request = new ExportRequest
        {
            Query = new ReferralRequest { Filter = BuildFilter(), PageSize = PageSizeOrDefault, ThrottleLimit = ThrottleLimitOrDefault, Skip = Skip, First = first },
            Path = path,
            // Piped filter objects (one per status, say) each bring rows: the first record writes the file, the rest
            // add to it, so the file holds them all instead of only the last one's.
            Append = Append.IsPresent || written?.Path == path,
            NoClobber = NoClobber.IsPresent,
            Force = Force.IsPresent,
        };
        var result = RunEngine((host, token) => ReferralExport.Export(request, host, token));
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
