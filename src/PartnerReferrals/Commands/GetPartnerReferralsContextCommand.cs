using PartnerReferrals.Models;
using System.Management.Automation;

namespace PartnerReferrals.Commands;

/// <summary>Shows who is signed in where; writes nothing when not connected. Never a token.</summary>
[Cmdlet(VerbsCommon.Get, "PartnerReferralsContext")]
[OutputType(typeof(PartnerReferralsContext))]
public sealed class GetPartnerReferralsContextCommand : Hosting.PartnerReferralsCmdlet
{
    protected override void ProcessRecord()
    {
        if (Session?.CurrentContext() is { } context)
        {
            WriteObject(context);
        }
    }
}
