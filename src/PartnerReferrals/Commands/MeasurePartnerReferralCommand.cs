using System.Management.Automation;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Funnel counts, stage rates and response times of referrals, per group: from a query (Get-PartnerReferral's
/// filters) or from piped referrals. All figures come from the engine's <see cref="InsightAccumulator"/>.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "PartnerReferral", DefaultParameterSetName = QuerySet)]
[OutputType(typeof(ReferralMeasure))]
public sealed class MeasurePartnerReferralCommand : ReferralInputCmdlet
{
    private InsightGrouping? grouping;
    private InsightAccumulator? piped;

    /// <summary>
    /// The fields to group by: status, customerMarket, partnerMarket, customerOrgSize, and at most one created-date
    /// bucket: createdDay, createdWeek (from Monday) or createdMonth, or createdDate with -AggregationLevel as
    /// Get-PartnerReferralSummary names it (createdDate -AggregationLevel Month is createdMonth; Day when left out).
    /// Without it, one object covers the whole input. Tab completion offers every name.
    /// </summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(FieldCompleter))]
    public string[]? GroupBy { get; set; }

    /// <summary>
    /// Day, Week or Month: the bucket of createdDate in -GroupBy (Day when left out), so that -GroupBy createdDate
    /// -AggregationLevel Month is -GroupBy createdMonth, as in Get-PartnerReferralSummary.
    /// </summary>
    [Parameter]
    [ValidateSet("Day", "Week", "Month", IgnoreCase = true)]
    public string? AggregationLevel { get; set; }

    /// <summary>Read at first use, so a wrong -GroupBy ends the command before a query or at the first piped referral.</summary>
    private InsightGrouping Grouping => grouping ??= RunEngine((_, _) => InsightGrouping.Parse(GroupBy, AggregationLevel)) ?? InsightGrouping.None;

    protected override void ProcessRecord()
    {
        if (!FromPipeline)
        {
            var request = SharedRequest();
            RunEngine((host, token) => InsightOperations.Measure(Session, request, Grouping, host, token));
            return;
        }

        if (ReadInput() is { } referral)
        {
            piped ??= new InsightAccumulator(Grouping);
            piped.Add(referral);
        }
    }

    protected override void EndProcessing()
    {
        if (FromPipeline)
        {
            foreach (var measure in (piped ?? new InsightAccumulator(Grouping)).Results())
            {
                WriteObject(measure);
            }
        }
    }
}
