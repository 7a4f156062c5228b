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
    protected override void ProcessRecord()
    {
        var request = BuildRequest();
        RunEngine((host, token) => PartnerReferralsOperations.GetReferrals(request, host, token));
    }

    internal ReferralRequest BuildRequest()
    {
        var request = new ReferralRequest { Filter = BuildFilter(), PageSize = PageSizeOrDefault, ThrottleLimit = ThrottleLimitOrDefault };
        var paging = PagingParameters;
        if (paging is not null)
        {
            request.Skip = paging.Skip > long.MaxValue ? long.MaxValue : (long)paging.Skip;
            // PowerShell's "no -First" is UInt64.MaxValue; the engine's is null.
            request.First = paging.First >= long.MaxValue ? null : (long)paging.First;
            request.IncludeTotalCount = paging.IncludeTotalCount.IsPresent;
        }

        return request;
    }
}
