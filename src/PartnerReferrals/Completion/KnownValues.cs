using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Commands.Completion;

/// <summary>
/// Values offered by tab completion, from the engine's field catalogue, which also validates them: the two cannot
/// drift. Statuses, markets and org sizes help typing only: the API documents no closed list, so any other value is
/// passed through and the service decides (see API.md).
/// </summary>
internal static class KnownValues
{
    /// <summary>Authority segments every tenant accepts, offered after the signed-in tenant.</summary>
    public static readonly IReadOnlyList<string> TenantAliases = ["organizations", "common"];

    /// <summary>
    /// The results, or the word itself when there are none: PowerShell offers file names when a completer returns
    /// nothing, and no file name is ever a market, a tenant or a filter.
    /// </summary>
    public static IEnumerable<CompletionResult> OrWord(IEnumerable<CompletionResult> results, string? wordToComplete)
    {
        var list = results.ToList();
        if (list.Count == 0)
        {
            var word = string.IsNullOrEmpty(wordToComplete) ? "''" : wordToComplete!;
            list.Add(new CompletionResult(word, word, CompletionResultType.ParameterValue, "(no suggestion)"));
        }

        return list;
    }

    public static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string? wordToComplete)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values
            .Where(value => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value));
    }
}

/// <summary>
/// Completes what the field catalogue knows, never with file names: a typed filter (-Status, -CustomerMarket...) with
/// the values known for the field of its name, -DateField with the date fields, -GroupBy with what the command groups
/// by (the summary: every groupable field and every date's buckets, createdMonth...).
/// </summary>
public sealed class FieldCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.OrWord(KnownValues.Complete(Values(commandName, parameterName), wordToComplete), wordToComplete);

    private static IEnumerable<string> Values(string command, string parameter) => parameter switch
    {
        "DateField" => ReferralFields.DateFields.Select(f => f.Name),
        "GroupBy" when string.Equals(command, "Measure-PartnerReferral", StringComparison.OrdinalIgnoreCase) => InsightGrouping.ValidNames,
        "GroupBy" => [.. ReferralFields.GroupableFields.Select(f => f.Name), .. ReferralFields.BucketNames],
        _ => ReferralFields.TryGet(parameter, out var field) ? field.KnownValues : [],
    };
}

/// <summary>Completes -TenantId with the signed-in tenant and the aliases, never with file names.</summary>
public sealed class TenantCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var current = Engine.Sessions.SessionStore.Current?.Context.TenantId;
        var candidates = current is null ? KnownValues.TenantAliases : [current, .. KnownValues.TenantAliases];
        return KnownValues.OrWord(KnownValues.Complete(candidates, wordToComplete), wordToComplete);
    }
}

/// <summary>Completes the last word of -Filter with field names and operators, never with file names.</summary>
public sealed class FilterCompleter : IArgumentCompleter
{
    private static readonly string[] Words = [.. ReferralFields.All.Select(f => f.Name), "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "null", "contains(customerName,'')", "cast('2024-01-01', Edm.DateTimeOffset)"];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var text = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var cut = text.LastIndexOfAny([' ', '(']) + 1;
        var head = text.Substring(0, cut);
        var last = text.Substring(cut);
        var results = Words
            .Where(w => w.StartsWith(last, StringComparison.OrdinalIgnoreCase))
            .Select(w => new CompletionResult("'" + (head + w).Replace("'", "''") + "'", w, CompletionResultType.ParameterValue, w))
            .ToList();
        return KnownValues.OrWord(results, wordToComplete);
    }
}
