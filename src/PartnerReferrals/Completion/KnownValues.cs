using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Commands.Completion;

/// <summary>
/// Values offered by tab completion. Statuses and org sizes help typing only: the API documents no closed list,
/// so any other value is passed through and the service decides (see API.md).
/// </summary>
internal static class KnownValues
{
    public static readonly IReadOnlyList<string> Statuses =
    [
        "Created", "Acknowledged", "Accepted", "Declined", "Expired", "Lost", "Missed", "Skipped", "Won", "Archived",
    ];

    public static readonly IReadOnlyList<string> OrgSizes =
    [
        "1to9employees", "10to50employees", "51to250employees", "251to1000employees", "1001to5000employees",
        "5001to10000employees", "10001to20000employees", "Morethan20000employees",
    ];

    /// <summary>From the engine's field catalogue, which also validates them: the two cannot drift.</summary>
    public static readonly IReadOnlyList<string> DateFields = [.. ReferralFields.DateFields.Select(f => f.Name)];

    public static readonly IReadOnlyList<string> GroupByFields = [.. ReferralFields.GroupableFields.Select(f => f.Name)];

    public static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string? wordToComplete)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values
            .Where(value => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value));
    }
}

/// <summary>Completes referral statuses for -Status.</summary>
public sealed class StatusCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.Complete(KnownValues.Statuses, wordToComplete);
}

/// <summary>Completes customer organisation sizes for -CustomerOrgSize.</summary>
public sealed class OrgSizeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.Complete(KnownValues.OrgSizes, wordToComplete);
}

/// <summary>Completes the date fields for -DateField.</summary>
public sealed class DateFieldCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.Complete(KnownValues.DateFields, wordToComplete);
}

/// <summary>Completes the term and date fields for -GroupBy.</summary>
public sealed class GroupByFieldCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.Complete(KnownValues.GroupByFields, wordToComplete);
}
