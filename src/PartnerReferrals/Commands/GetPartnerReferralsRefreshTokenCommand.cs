using System.Management.Automation;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>The newest refresh token of the current session, as a SecureString, for a runbook to write back to its vault.</summary>
[Cmdlet(VerbsCommon.Get, "PartnerReferralsRefreshToken")]
[OutputType(typeof(PartnerReferralsRefreshToken))]
public sealed class GetPartnerReferralsRefreshTokenCommand : Hosting.PartnerReferralsCmdlet
{
    protected override void ProcessRecord()
    {
        if (RunEngine((host, token) => PartnerReferralsOperations.GetRefreshToken(Session, host, token)) is { } refreshToken)
        {
            WriteObject(refreshToken);
        }
    }
}
