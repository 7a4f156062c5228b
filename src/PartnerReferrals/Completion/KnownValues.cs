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

    /// <summary>ISO 3166-1 alpha-2, the codes the API's markets use (e.g. US, DE); any other value is passed through too.</summary>
    public static readonly IReadOnlyList<string> Markets =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".Split(' ');

    /// <summary>Authority segments every tenant accepts, offered after the signed-in tenant.</summary>
    public static readonly IReadOnlyList<string> TenantAliases = ["organizations", "common"];

    /// <summary>From the engine's field catalogue, which also validates them: the two cannot drift.</summary>
    public static readonly IReadOnlyList<string> DateFields = [.. ReferralFields.DateFields.Select(f => f.Name)];

    public static readonly IReadOnlyList<string> GroupByFields = [.. ReferralFields.GroupableFields.Select(f => f.Name)];

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

/// <summary>Completes market codes for -CustomerMarket and -PartnerMarket.</summary>
public sealed class MarketCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        KnownValues.OrWord(KnownValues.Complete(KnownValues.Markets, wordToComplete), wordToComplete);
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
