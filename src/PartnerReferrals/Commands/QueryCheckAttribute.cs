using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Commands;

/// <summary>
/// A check that travels with a shared query parameter's declaration in <see cref="QueryCmdlet"/>: run once, before
/// the first request, on what was typed, for every query cmdlet. A check warns (the value is harmless but has no
/// effect, or looks like a typo); a value that must be refused is PowerShell's business (a Validate* attribute).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public abstract class QueryCheckAttribute : Attribute
{
    /// <summary>A warning about -<paramref name="parameter"/>, typed as <paramref name="value"/>, or null when there is nothing to say.</summary>
    internal abstract string? Check(string parameter, object? value, ICollection<string> typed);
}

/// <summary>The parameter has an effect only together with one of the named ones; alone it is ignored, with a warning.</summary>
public sealed class AppliesWithAttribute : QueryCheckAttribute
{
    public AppliesWithAttribute(params string[] parameters)
    {
        Parameters = parameters;
    }

    public IReadOnlyList<string> Parameters { get; }

    internal override string? Check(string parameter, object? value, ICollection<string> typed) =>
        Parameters.Any(typed.Contains)
            ? null
            : "-" + parameter + " " + value + " is ignored: it applies only with " + string.Join(" or ", Parameters.Select(p => "-" + p)) +
              (Parameters.Count switch { 1 => ", which was not given.", 2 => ", and neither was given.", _ => ", and none of them was given." });
}
