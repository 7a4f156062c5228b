using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>Ends the session; with -ClearPersistedCache also removes the token cache kept for the user.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "PartnerReferrals")]
[OutputType(typeof(PartnerReferralsContext))]
public sealed class DisconnectPartnerReferralsCommand : PartnerReferralsCmdlet
{
    /// <summary>Also deletes the token cache persisted for the current user.</summary>
    [Parameter]
    public SwitchParameter ClearPersistedCache { get; set; }

    /// <summary>Writes the context of the session that was ended. Without it the command writes nothing.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var session = Session;
        var ended = PassThru ? session?.CurrentContext() : null;
        RunEngine((host, _) => PartnerReferralsOperations.Disconnect(session, ClearPersistedCache.IsPresent, host));
        SessionStore.Replace(null);
        if (ended is not null)
        {
            WriteObject(ended);
        }
    }
}
