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
public sealed class ExportPartnerReferralReportCommand : MeasureInputCmdlet
{
    private ReportCollector? piped;

    /// <summary>The HTML file to write; an existing file is replaced.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Writes what the report holds and where it is (a <see cref="ReferralReportFile"/>) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!FromPipeline)
        {
            var request = BuildRequest();
            var path = FullPath();
            var file = RunEngine((host, token) => InsightOperations.ExportReport(request, path, host, token));
            Done(file);
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
            var path = FullPath();
            Done(RunEngine((host, _) => InsightOperations.WriteReport(collector, path, InsightOperations.PipelineQuery, host)));
        }
    }

    // Relative to PowerShell's location, not the process's working folder, as every file cmdlet does.
    private string FullPath() => SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);

    private void Done(ReferralReportFile? file)
    {
        if (PassThru && file is not null)
        {
            WriteObject(file);
        }
    }
}
