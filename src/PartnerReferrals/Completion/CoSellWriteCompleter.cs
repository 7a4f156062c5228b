using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Commands.Completion;

/// <summary>
/// Completes the closed value lists of the co-sell write cmdlets from the lists the engine checks them against
/// (statuses, the substatuses a client may set, sales stages, customer sizes, the help asked of Microsoft).
/// </summary>
public sealed class CoSellWriteCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.OrWord(KnownValues.Complete(Values(parameterName), wordToComplete), wordToComplete);

    private static IReadOnlyList<string> Values(string parameter) => parameter switch
    {
        "Status" => ReferralStatuses.Statuses,
        "Substatus" => ReferralStatuses.SettableSubstatuses,
        "SalesStage" => WriteValues.SalesStages,
        "CustomerSize" => WriteValues.CustomerSizes,
        "HelpNeeded" => WriteValues.HelpNeeded,
        _ => [],
    };
}
