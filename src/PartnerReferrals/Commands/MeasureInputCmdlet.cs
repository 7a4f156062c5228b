using System.Linq;
using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// What Measure-PartnerReferral and Export-PartnerReferralReport share: either the filter parameters of
/// Get-PartnerReferral (a query) or referral objects from the pipeline (Get-PartnerReferral's output, Import-Csv
/// rows, deserialized referrals), never both.
/// </summary>
public abstract class MeasureInputCmdlet : ReferralFilterCmdlet
{
    internal const string QuerySet = "Query";
    internal const string InputSet = "InputObject";

    private static readonly string[] FilterParameters =
        ["Status", "CustomerMarket", "PartnerMarket", "CustomerOrgSize", "CustomerName", "DateField", "After", "Before", "Filter", "PageSize"];

    private string? filterOnCommandLine;

    /// <summary>A referral, or any object with its property names (an Import-Csv row holds dates as text).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    public PSObject? InputObject { get; set; }

    private protected bool FromPipeline => ParameterSetName == InputSet;

    protected override void BeginProcessing()
    {
        // Only what was typed is bound yet: the filter parameters also bind by property name from each piped row.
        filterOnCommandLine = FilterParameters.FirstOrDefault(MyInvocation.BoundParameters.ContainsKey);
    }

    internal ReferralRequest BuildRequest() => new() { Filter = BuildFilter(), PageSize = PageSizeOrDefault };

    /// <summary>The piped object as a referral, or null (after a non-terminating error) when it cannot be read.</summary>
    private protected Referral? ReadInput()
    {
        if (filterOnCommandLine is { } name)
        {
            var fix = "Filter piped referrals before this command, e.g. with Where-Object, or drop the pipeline input so -" + name + " filters the query.";
            ThrowTerminatingError(ErrorRecordFactory.Create(new PartnerReferralsException(
                "PartnerReferrals.Insights.FilterWithPipelineInput", ErrorKind.InvalidArgument, "-" + name + " filters a query and cannot apply to piped referrals. " + fix, name)
            {
                ParameterName = name,
                RecommendedAction = fix,
            }));
        }

        var input = InputObject;
        if (input?.BaseObject is Referral referral)
        {
            return referral;
        }

        try
        {
            return ReferralInput.FromProperties(property => PipedObject.ValueOf(input, property));
        }
        catch (PartnerReferralsException error)
        {
            WriteError(ErrorRecordFactory.Create(error));
            return null;
        }
    }

    private protected InsightGrouping ParseGrouping(string[]? groupBy)
    {
        InsightGrouping? grouping = null;
        RunEngine((_, _) => { grouping = InsightGrouping.Parse(groupBy); });
        return grouping ?? InsightGrouping.None;
    }
}
