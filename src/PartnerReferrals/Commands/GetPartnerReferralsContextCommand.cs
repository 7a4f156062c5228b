using System.Management.Automation;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>Shows who is signed in where; writes nothing when not connected. Never a token.</summary>
[Cmdlet(VerbsCommon.Get, "PartnerReferralsContext")]
[OutputType(typeof(PartnerReferralsContext))]
public sealed class GetPartnerReferralsContextCommand : Hosting.PartnerReferralsCmdlet
{
    protected override void ProcessRecord()
    {
        var context = RunEngine((_, _) => PartnerReferralsOperations.GetContext());
        if (context is not null)
        {
            WriteObject(context);
        }
    }
}
