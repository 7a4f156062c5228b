using System.Management.Automation;
using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// ShouldProcess for a cmdlet whose inputs differ in impact. PowerShell knows one ConfirmImpact per cmdlet, the
/// highest it declares (a referral's status change: High, so it asks by default); a lower-impact change (a deal value:
/// Medium) asks only when $ConfirmPreference is that low or -Confirm is typed, as a Medium cmdlet would, so a script
/// that corrects values never meets a prompt it did not ask for. -WhatIf and $WhatIfPreference tell for every change.
/// </summary>
internal static class ImpactConfirmation
{
    /// <summary>
    /// Whether to go on with <paramref name="action"/> on <paramref name="target"/>. Where no one can answer the prompt
    /// (-NonInteractive), the command ends with an error that says how to confirm in advance; nothing was sent.
    /// </summary>
    public static bool Approve(PSCmdlet cmdlet, string target, string action, ConfirmImpact impact, ConfirmImpact declared)
    {
        if (impact < declared && !Tells(cmdlet) && !Asks(cmdlet, impact))
        {
            return true;
        }

        try
        {
            return cmdlet.ShouldProcess(target, action);
        }
        catch (PSInvalidOperationException cannotAsk)
        {
            cmdlet.ThrowTerminatingError(ErrorRecordFactory.Create(CoSellWriteErrors.ConfirmationNeeded(action, target, impact.ToString(), cannotAsk.Message, cannotAsk)));
            return false;
        }
    }

    private static bool Tells(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? LanguagePrimitives.IsTrue(whatIf)
            : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));

    private static bool Asks(PSCmdlet cmdlet, ConfirmImpact impact)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
        {
            return LanguagePrimitives.IsTrue(confirm);
        }

        var preference = LanguagePrimitives.TryConvertTo<ConfirmImpact>(cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference"), out var value) ? value : ConfirmImpact.High;
        return preference != ConfirmImpact.None && preference <= impact;
    }
}
