using System;
using System.Collections.Generic;

namespace PartnerReferrals.Engine.Queries;

/// <summary>One field of the referral resource as the API names it, with what a query may do with it.</summary>
public sealed class ReferralField
{
    internal ReferralField(string name, ReferralFieldKind kind, bool groupable, IReadOnlyList<string> operators)
    {
        Name = name;
        Kind = kind;
        Groupable = groupable;
        Operators = operators;
    }

    /// <summary>The API's camelCase name, e.g. <c>createdDate</c>.</summary>
    public string Name { get; }

    public ReferralFieldKind Kind { get; }

    /// <summary>Whether <c>groupby</c> accepts the field.</summary>
    public bool Groupable { get; }

    /// <summary>Comparison operators and functions the field supports (<c>eq</c>, <c>ge</c>, <c>contains</c>...).</summary>
    public IReadOnlyList<string> Operators { get; }

    public bool Supports(string op)
    {
        foreach (var candidate in Operators)
        {
            if (string.Equals(candidate, op, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Name;
}
