using PartnerReferrals.Commands.Hosting;
using System.Management.Automation;
using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Commands;

/// <summary>Streams referrals into the pipeline as each page arrives. -First, -Skip and -IncludeTotalCount come from SupportsPaging.</summary>
[Cmdlet(VerbsCommon.Get, "PartnerReferral", SupportsPaging = true)]
[OutputType(typeof(Referral))]
public sealed class GetPartnerReferralCommand : ReferralFilterCmdlet
{
    /// <summary>
    /// Referral ids to return. Bound by property name too (so piped referrals look themselves up), but a piped
    /// object is read whole through <see cref="InputObject"/>, where an Id outranks the other properties.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ReferralId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>
    /// The piped object as a whole: binding by property name alone cannot tell which of a summary row's fields
    /// were grouped (an ungrouped one is null too) nor see its date buckets. The engine reads its properties.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>
    /// The name of a variable (without <c>$</c>) that receives the total number of matching referrals, summed over
    /// the piped inputs, as Microsoft.Graph's -CountVariable: the count never enters the pipeline, so
    /// <c>Export-Csv</c> sees only referrals.
    /// </summary>
    [Parameter]
    [Alias("CV")]
    [ValidateNotNullOrEmpty]
    public string? CountVariable { get; set; }

    private long? countedTotal;

    protected override void ProcessRecord()
    {
        var request = BuildRequest();
        RunEngine((host, token) => PartnerReferralsOperations.GetReferrals(request, host, token));
    }

    internal ReferralRequest BuildRequest()
    {
        var request = new ReferralRequest { Filter = BuildFilter(InputObject is null), PageSize = PageSizeOrDefault, ThrottleLimit = ThrottleLimitOrDefault };
        AddAll(request.Filter.Id, Take(nameof(Id), Id, InputObject is null));
        if (InputObject is not null)
        {
            request.Filter.InputRow = PipedObject.PropertiesOf(InputObject);
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

    /// <summary>Set at each count, not at the end: a pipeline that Select-Object -First stops never reaches EndProcessing.</summary>
    internal override void OnTotalCount(long totalCount)
    {
        base.OnTotalCount(totalCount);
        if (CountVariable is { } name)
        {
            countedTotal = (countedTotal ?? 0) + totalCount;
            SessionState.PSVariable.Set(name.TrimStart('$'), countedTotal.Value);
        }
    }
}
