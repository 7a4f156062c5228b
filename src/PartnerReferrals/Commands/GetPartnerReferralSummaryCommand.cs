using System.Management.Automation;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>Counts referrals grouped by term and date fields (the API's <c>groupby</c> and <c>aggregationLevel</c>).</summary>
[Cmdlet(VerbsCommon.Get, "PartnerReferralSummary")]
[OutputType(typeof(ReferralGroup))]
public sealed class GetPartnerReferralSummaryCommand : QueryCmdlet
{
    /// <summary>
    /// The fields to group by, for example status, customerMarket or createdDate. A date can also be named by its bucket,
    /// as Measure-PartnerReferral names it: createdMonth is createdDate -AggregationLevel Month (likewise createdDay,
    /// createdWeek, wonMonth...). Tab completion offers every field and bucket. At least one is required.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(FieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] GroupBy { get; set; } = [];

    /// <summary>
    /// Day, Week or Month: the bucket size for every grouped date field (Day when a date is grouped without it).
    /// Requires a date field in -GroupBy, and agrees with a bucket named there (createdMonth).
    /// </summary>
    [Parameter]
    [ValidateSet("Day", "Week", "Month", IgnoreCase = true)]
    public string? AggregationLevel { get; set; }

    protected override void ProcessRecord()
    {
        var request = new SummaryRequest { Query = SharedRequest(), AggregationLevel = AggregationLevel };
        foreach (var field in GroupBy)
        {
            request.GroupBy.Add(field);
        }

        RunEngine((host, token) => PartnerReferralsOperations.GetSummary(Session, request, host, token));
    }

    /// <summary>Each row shows its grouped values as properties and carries the type name of its grouping's view.</summary>
    internal override void WriteResult(object item) =>
        base.WriteResult(item is ReferralGroup group ? SummaryFormats.Dress(this, group) : item);
}
