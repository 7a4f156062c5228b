using System.Management.Automation;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Insights.Report;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Writes one self-contained HTML report (charts drawn as inline SVG, no script, no network) of a query or of piped
/// referrals; its figures are Measure-PartnerReferral's.
/// </summary>
/// <remarks>
/// ConfirmImpact stays Medium, as for Export-Csv and Export-PartnerReferral: it replaces only the file it was given,
/// so -Confirm asks and -WhatIf tells, but no script that ran before is stopped by a prompt; -NoClobber keeps a file.
/// </remarks>
[Cmdlet(VerbsData.Export, "PartnerReferralReport", DefaultParameterSetName = QuerySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ReferralReportFile))]
public sealed class ExportPartnerReferralReportCommand : ReferralInputCmdlet
{
    private ReportCollector? piped;
    private string? fullPath;
    private bool? approved;

    /// <summary>
    /// The HTML file to write, relative to the current location. Its folder must exist. An existing file is replaced,
    /// unless -NoClobber is given; a read-only one only with -Force.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Refuses to replace an existing file: the command fails before any request, naming -NoClobber.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Replaces a file marked read-only.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// Writes a ReferralReportFile to the pipeline: the report's Path, how many Referrals it covers, FirstCreated,
    /// LastCreated, Generated and Length.
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Resolved at first use, before any query or piped referral is read.</summary>
    private string FullPath => fullPath ??= FileSystemPath(Path, nameof(Path));

    /// <summary>Asked once, before the query is sent or the first piped referral is kept: with -WhatIf nothing is fetched or written.</summary>
    private bool Approved => approved ??= ShouldProcess(FullPath, "Write the referrals report");

    private ReportTarget Target => new() { Path = FullPath, NoClobber = NoClobber.IsPresent, Force = Force.IsPresent };

    protected override void ProcessRecord()
    {
        if (!FromPipeline)
        {
            if (Approved)
            {
                var request = SharedRequest();
                var target = Target;
                Done(RunEngine((host, token) => InsightOperations.ExportReport(Session, request, target, host, token)));
            }

            return;
        }

        if (ReadInput() is { } referral && Approved)
        {
            piped ??= new ReportCollector();
            piped.Add(referral);
        }
    }

    protected override void EndProcessing()
    {
        if (FromPipeline && Approved)
        {
            var collector = piped ?? new ReportCollector();
            var target = Target;
            Done(RunEngine((host, _) => InsightOperations.WriteReport(collector, target, host)));
        }
    }

    private void Done(ReferralReportFile? file)
    {
        if (PassThru && file is not null)
        {
            WriteObject(file);
        }
    }
}
