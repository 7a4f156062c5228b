using System;
using System.Collections.Generic;
using System.Linq;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Commands;

/// <summary>
/// Typed values are held to the values the module knows for the parameter's field. The service answers a value it
/// does not have with no referral at all, so a typo (-Status Wonn) would look like an empty result: a value the module
/// does not know gets a warning (with the known value it is probably a typo of), and is still sent, since the API
/// documents no closed list and a status new to the module must never break a pull. A market that is no two-letter
/// code (-CustomerMarket USA) could never match and is refused.
/// </summary>
public sealed class KnownValueAttribute : QueryCheckAttribute
{
    /// <summary>The values are market codes: two letters, or refused; the known codes are too many to list in a warning.</summary>
    public bool MarketCode { get; set; }

    internal override IEnumerable<string> Check(string parameter, object? value, ICollection<string> typed)
    {
        var values = value as string[] ?? [];
        if (MarketCode && values.FirstOrDefault(v => v.Length != 2 || !v.All(char.IsLetter)) is { } notACode)
        {
            throw ParameterErrors.NotAMarketCode(parameter, notACode);
        }

        var known = Known(parameter);
        foreach (var unknown in values.Where(v => !known.Contains(v, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var near = Spelling.Nearest(unknown, known) is { } guess ? " (did you mean " + guess + "?)" : string.Empty;
            yield return "-" + parameter + ": '" + unknown + "' is not a " + (MarketCode ? "market code" : "value") + " the module knows" + near +
                ". It is sent as typed, and the service returns only referrals with exactly this value; " +
                (MarketCode ? "tab completion offers the known codes (ISO 3166-1 alpha-2, such as US, GB or DE)." : "known values: " + string.Join(", ", known) + ".");
        }
    }

    /// <summary>The values the module knows for -<paramref name="parameter"/>, from the one place that keeps them.</summary>
    private static IReadOnlyList<string> Known(string parameter) =>
        ReferralFields.TryGet(parameter, out var field) ? field.KnownValues : [];
}
