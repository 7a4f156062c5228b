using System.Management.Automation;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Funnel counts, stage rates and response times of referrals, per group: from a query (Get-PartnerReferral's
/// filters) or from piped referrals. All figures come from the engine's <see cref="InsightAccumulator"/>.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "PartnerReferral", DefaultParameterSetName = QuerySet)]
[OutputType(typeof(ReferralMeasure))]
public sealed class MeasurePartnerReferralCommand : MeasureInputCmdlet
{
    private InsightGrouping grouping = InsightGrouping.None;
    private InsightAccumulator? piped;

    /// <summary>customerMarket, partnerMarket, customerOrgSize, status, and one of createdDay, createdWeek, createdMonth.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(InsightGroupByCompleter))]
    public string[]? GroupBy { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        grouping = ParseGrouping(GroupBy);
    }

    protected override void ProcessRecord()
    {
        if (!FromPipeline)
        {
            var request = BuildRequest();
            RunEngine((host, token) => InsightOperations.Measure(request, grouping, host, token));
            return;
        }

        if (ReadInput() is { } referral)
        {
            piped ??= new InsightAccumulator(grouping);
            piped.Add(referral);
        }
    }

    protected override void EndProcessing()
    {
        if (FromPipeline)
        {
            foreach (var measure in (piped ?? new InsightAccumulator(grouping)).Results())
            {
                WriteObject(measure);
            }
        }
    }
}
