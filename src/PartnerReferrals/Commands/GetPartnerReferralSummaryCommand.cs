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
    private SummaryView? view;

    /// <summary>The fields to group by, for example status, customerMarket or createdDate. Tab completion offers every field. At least one is required.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(GroupByFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] GroupBy { get; set; } = [];

    /// <summary>Day, Week or Month: the bucket size for every grouped date field. Requires a date field in -GroupBy.</summary>
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

    /// <summary>Each row carries the type name of its grouping's view, which shows the grouped fields and buckets.</summary>
    internal override void WriteResult(object item)
    {
        if (item is not ReferralGroup)
        {
            base.WriteResult(item);
            return;
        }

        if (view is null)
        {
            view = SummaryView.For(GroupBy, AggregationLevel);
            SummaryFormats.EnsureLoaded(this, view);
        }

        var row = new PSObject(item);
        row.TypeNames.Insert(0, view.TypeName);
        base.WriteResult(row);
    }
}
