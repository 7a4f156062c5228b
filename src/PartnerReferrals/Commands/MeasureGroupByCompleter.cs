using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Engine.Insights;

namespace PartnerReferrals.Commands;

/// <summary>Completes Measure-PartnerReferral's -GroupBy from the engine's list, which also validates it.</summary>
public sealed class InsightGroupByCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.Complete(InsightGrouping.ValidNames, wordToComplete);
}
