using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>Ends the session; with -ClearPersistedCache also removes the token cache kept for the user.</summary>
/// <remarks>
/// ConfirmImpact stays Medium: what it removes comes back with one sign-in, so -Confirm asks and -WhatIf tells, while
/// High would prompt in every script that signs out and fail every runbook, where no one can answer.
/// </remarks>
[Cmdlet(VerbsCommunications.Disconnect, "PartnerReferrals", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PartnerReferralsContext))]
public sealed class DisconnectPartnerReferralsCommand : PartnerReferralsCmdlet
{
    /// <summary>
    /// Also deletes the token cache persisted for the current user (Connect-PartnerReferrals -ContextScope CurrentUser),
    /// so the next session signs in again.
    /// </summary>
    [Parameter]
    public SwitchParameter ClearPersistedCache { get; set; }

    /// <summary>Writes the context of the session that was ended. Without it the command writes nothing.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var session = Session;
        var context = session?.CurrentContext();
        var target = context is null ? "no session" : (context.Account ?? context.ClientId) + " (" + context.Environment + ")";
        if (!ShouldProcess(target, ClearPersistedCache ? "Sign out and delete the persisted token cache" : "Sign out"))
        {
            return;
        }

        RunEngine((host, _) => PartnerReferralsOperations.Disconnect(session, ClearPersistedCache.IsPresent, host));
        SessionStore.Replace(null);
        if (PassThru && context is not null)
        {
            WriteObject(context);
        }
    }
}
