using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>Streams referrals into the pipeline as each page arrives. -First, -Skip and -IncludeTotalCount come from SupportsPaging.</summary>
[Cmdlet(VerbsCommon.Get, "PartnerReferral", SupportsPaging = true)]
[OutputType(typeof(Referral))]
public sealed class GetPartnerReferralCommand : QueryCmdlet
{
    /// <summary>
    /// Returns the referrals with these ids. Piped referrals (or rows of Import-Csv with an Id column) bind it by
    /// property name and look themselves up. An id that matches nothing (within the other filters) is a
    /// non-terminating ObjectNotFound error, PartnerReferrals.Query.ReferralNotFound, when -First and -Skip are not used.
    /// </summary>
    /// <remarks>A piped object is read whole through <see cref="InputObject"/>, where an Id outranks the other properties.</remarks>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ReferralId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>
    /// An object piped in, read as a whole. A row of Get-PartnerReferralSummary (it carries GroupBy and
    /// AggregationLevel) returns exactly the referrals it counts: each grouped field equal to the row's value (or
    /// missing where the row's value is empty), each grouped date inside the row's day, week (from Monday) or month. A
    /// referral, or any object with an Id, returns that referral. Any other object selects by its Status,
    /// CustomerMarket, PartnerMarket and CustomerOrgSize properties, such as a row of Import-Csv. You do not type this
    /// parameter: pipe the objects.
    /// </summary>
    /// <remarks>
    /// Binding by property name alone cannot tell which of a summary row's fields were grouped (an ungrouped one is
    /// null too) nor see its date buckets, so the engine reads the object's properties.
    /// </remarks>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>
    /// The name of a variable, without the dollar sign, that receives the total number of referrals that match (summed
    /// over the piped inputs), as -CountVariable in Microsoft.Graph. Unlike -IncludeTotalCount, the count never enters
    /// the pipeline, so Get-PartnerReferral -First 100 -CountVariable total | Export-Csv writes only referrals. The
    /// variable is set as soon as the service reports the total, even when Select-Object -First stops the pipeline early;
    /// it is emptied as the command starts, so it is $null when the service reports no total.
    /// </summary>
    [Parameter]
    [Alias("CV")]
    [ValidateNotNullOrEmpty]
    public string? CountVariable { get; set; }

    protected override void ProcessRecord()
    {
        var request = BuildRequest();
        RunEngine((host, token) => PartnerReferralsOperations.GetReferrals(Session, request, host, token));
    }

    internal ReferralRequest BuildRequest()
    {
        // A piped object read whole replaces what binding by property name took from it: only what was typed stays.
        var whole = InputObject is not null;
        var request = SharedRequest(typedOnly: whole);
        foreach (var id in whole && !CommandLine.Contains(nameof(Id)) ? [] : Id ?? [])
        {
            request.Filter.Id.Add(id);
        }

        if (whole)
        {
            request.Filter.InputRow = PipedObject.PropertiesOf(InputObject!);
        }

        var paging = PagingParameters;
        if (paging is not null)
        {
            request.Skip = paging.Skip > long.MaxValue ? long.MaxValue : (long)paging.Skip;
            // PowerShell's "no -First" is UInt64.MaxValue; the engine's is null.
            request.First = paging.First >= long.MaxValue ? null : (long)paging.First;
            request.IncludeTotalCount = paging.IncludeTotalCount.IsPresent;
        }

        request.IncludeTotalCount |= CountVariable is not null;
        return request;
    }
}
