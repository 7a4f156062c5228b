using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Commands;

/// <summary>
/// A check that travels with a shared query parameter's declaration in <see cref="QueryCmdlet"/>: run once, before
/// the first request, on what was typed, for every query cmdlet. A check warns (the value is harmless but has no
/// effect, or looks like a typo) or refuses a value no referral could match, with an error of the catalogue (a
/// PartnerReferralsException, which ends the command).
/// </summary>
/// <remarks>
/// Values bound from piped objects by property name are not checked: they are data, mostly the service's own (summary
/// rows, referrals, an export read back), where a value the module does not know is one the service uses and the
/// module has not learnt yet, which must pass without a word; and three of the five cmdlets never query by them
/// (Get-PartnerReferral reads the piped object whole, Measure-PartnerReferral and the report take referrals).
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public abstract class QueryCheckAttribute : Attribute
{
    /// <summary>Warnings about -<paramref name="parameter"/>, typed as <paramref name="value"/>; none when there is nothing to say.</summary>
    internal abstract IEnumerable<string> Check(string parameter, object? value, ICollection<string> typed);

    /// <summary>A value as the user typed it: several joined by commas.</summary>
    private protected static string Shown(object? value) => value is string[] values ? string.Join(", ", values) : value?.ToString() ?? string.Empty;
}

/// <summary>The parameter has an effect only together with one of the named ones; alone it is ignored, with a warning.</summary>
public sealed class AppliesWithAttribute : QueryCheckAttribute
{
    public AppliesWithAttribute(params string[] parameters)
    {
        Parameters = parameters;
    }

    public IReadOnlyList<string> Parameters { get; }

    internal override IEnumerable<string> Check(string parameter, object? value, ICollection<string> typed) =>
        Parameters.Any(typed.Contains)
            ? []
            : ["-" + parameter + " " + Shown(value) + " is ignored: it applies only with " + string.Join(" or ", Parameters.Select(p => "-" + p)) +
              (Parameters.Count switch { 1 => ", which was not given.", 2 => ", and neither was given.", _ => ", and none of them was given." })];
}
