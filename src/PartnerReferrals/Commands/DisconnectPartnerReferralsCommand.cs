using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>Ends the session; with -ClearPersistedCache also removes the token cache kept for the user.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "PartnerReferrals")]
[OutputType(typeof(PartnerReferralsContext))]
public sealed class DisconnectPartnerReferralsCommand : PartnerReferralsCmdlet
{
    [Parameter]
    public SwitchParameter ClearPersistedCache { get; set; }

    /// <summary>Writes the context of the session that was ended, as Stop-Process -PassThru does.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var ended = PassThru ? RunEngine((_, _) => PartnerReferralsOperations.GetContext()) : null;
        RunEngine((host, _) => PartnerReferralsOperations.Disconnect(ClearPersistedCache.IsPresent, host));
        if (ended is not null)
        {
            WriteObject(ended);
        }
    }
}
