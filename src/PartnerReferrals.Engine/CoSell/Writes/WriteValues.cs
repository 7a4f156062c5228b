using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// The closed value lists the write cmdlets check before sending (API-COSELL.md §3.2): a value the service would
/// refuse with a 400 is refused here, naming the parameter, and a value given in any casing is sent as the documents
/// spell it. Tab completion offers the same lists.
/// </summary>
public static class WriteValues
{
    public static IReadOnlyList<string> SalesStages { get; } = ["Qualify", "Develop", "Propose", "Close"];

    public static IReadOnlyList<string> CustomerSizes { get; } =
    [
        "1to9employees", "10to50employees", "51to250employees", "251to1000employees", "1001to5000employees",
        "5001to10000employees", "10001to20000employees", "Morethan20000employees", "1to50employees", "51to500employees",
        "Morethan500employees",
    ];

    /// <summary>What help a partner asks Microsoft for (InviteContext.assistanceRequestCode), without the service's own "Unknown".</summary>
    public static IReadOnlyList<string> HelpNeeded { get; } =
    [
        "GeneralOrOther", "CustomerTechnicalArchitecture", "ProofOfConceptOrDemo", "QuotesOrLicensing",
        "PostSalesCustomerSuccess", "WorkloadSpecificValueProposition",
    ];

    /// <summary>
    /// <paramref name="value"/> as <paramref name="known"/> spells it, or null when not given; a value not in the list
    /// is refused with the list and the one it is probably a typo of.
    /// </summary>
    public static string? Canonical(string parameter, string? value, IReadOnlyList<string> known)
    {
        if (value is null)
        {
            return null;
        }

        return (known ?? throw new ArgumentNullException(nameof(known))).FirstOrDefault(k => string.Equals(k, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw CoSellWriteErrors.UnknownValue(parameter, value, known);
    }

    /// <summary>A two-letter ISO 3166-1 code in capitals (choice 22), or null when not given.</summary>
    public static string? CountryCode(string parameter, string? value) =>
        Code(value, 2) ?? (value is null ? null : throw CoSellWriteErrors.NotACountryCode(parameter, value));

    /// <summary>A three-letter ISO 4217 code in capitals, or null when not given.</summary>
    public static string? CurrencyCode(string parameter, string? value) =>
        Code(value, 3) ?? (value is null ? null : throw CoSellWriteErrors.NotACurrencyCode(parameter, value));

    /// <summary>A deal value the service can hold: zero or more.</summary>
    public static decimal? DealValue(string parameter, decimal? value) =>
        value is < 0 ? throw CoSellWriteErrors.NegativeDealValue(parameter, value.Value) : value;

    /// <summary>Text that must say something: trimmed, or refused when empty.</summary>
    public static string Required(string parameter, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw CoSellWriteErrors.MissingValue(parameter) : value!.Trim();

    /// <summary>Optional text: trimmed, null when empty.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static string? Code(string? value, int letters)
    {
        var code = value?.Trim();
        return code is not null && code.Length == letters && code.All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            ? code.ToUpperInvariant()
            : null;
    }
}
