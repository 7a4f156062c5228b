using System.Management.Automation;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Insights.Report;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Writes one self-contained HTML report (charts drawn as inline SVG, no script, no network) of a query or of piped
/// referrals; its figures are Measure-PartnerReferral's.
/// </summary>
[Cmdlet(VerbsData.Export, "PartnerReferralReport", DefaultParameterSetName = QuerySet)]
[OutputType(typeof(ReferralReportFile))]
public sealed class ExportPartnerReferralReportCommand : ReferralInputCmdlet
{
    private ReportCollector? piped;
    private string? fullPath;

    /// <summary>The HTML file to write, relative to the current location; an existing file is replaced. Its folder must exist.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// Writes a ReferralReportFile to the pipeline: the report's Path, how many Referrals it covers, FirstCreated,
    /// LastCreated, Generated and Length.
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Resolved at first use, before any query or piped referral is read.</summary>
    private string FullPath => fullPath ??= FileSystemPath(Path, nameof(Path));

    protected override void ProcessRecord()
    {
        var path = FullPath;
        if (!FromPipeline)
        {
            var request = SharedRequest();
            Done(RunEngine((host, token) => InsightOperations.ExportReport(Session, request, path, host, token)));
            return;
        }

        if (ReadInput() is { } referral)
        {
            piped ??= new ReportCollector();
            piped.Add(referral);
        }
    }

    protected override void EndProcessing()
    {
        if (FromPipeline)
        {
            var collector = piped ?? new ReportCollector();
            var path = FullPath;
            Done(RunEngine((host, _) => InsightOperations.WriteReport(collector, path, host)));
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
