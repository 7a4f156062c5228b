using System.Management.Automation;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Commands;

/// <summary>Counts referrals grouped by term and date fields (the API's <c>groupby</c> and <c>aggregationLevel</c>).</summary>
[Cmdlet(VerbsCommon.Get, "PartnerReferralSummary")]
[OutputType(typeof(ReferralGroup))]
public sealed class GetPartnerReferralSummaryCommand : ReferralFilterCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(GroupByFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] GroupBy { get; set; } = [];

    /// <summary>Bucket size for grouped date fields.</summary>
    [Parameter]
    [ValidateSet("Day", "Week", "Month", IgnoreCase = true)]
    public string? AggregationLevel { get; set; }

    private SummaryView? view;

    protected override void ProcessRecord()
    {
        var request = BuildRequest();
        RunEngine((host, token) => PartnerReferralsOperations.GetSummary(request, host, token));
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

    internal SummaryRequest BuildRequest()
    {
        var request = new SummaryRequest
        {
            Filter = BuildFilter(),
            AggregationLevel = AggregationLevel,
            PageSize = PageSizeOrDefault,
            ThrottleLimit = ThrottleLimitOrDefault,
        };
        foreach (var field in GroupBy)
        {
            request.GroupBy.Add(field);
        }

        return request;
    }
}
