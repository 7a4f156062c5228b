using System;
using System.Collections.Generic;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// One field of the referral resource: its name in the API and in PowerShell, what a query may do with it, the values
/// the service is known to use, and how to read and set it on a <see cref="Referral"/>. Built once, in
/// <see cref="ReferralFields"/>; the accessors are delegates made there, so reading a field costs no lookup.
/// </summary>
public sealed class ReferralField
{
    private readonly Func<Referral, string?>? text;
    private readonly Action<Referral, string?>? setText;
    private readonly Func<Referral, DateTime?>? date;
    private readonly Action<Referral, DateTime?>? setDate;

    private ReferralField(string name, ReferralFieldKind kind, bool groupable, IReadOnlyList<string> operators, IReadOnlyList<string>? knownValues, Func<ReferralFilter, IList<string>>? anyOf)
    {
        Name = name;
        Property = char.ToUpperInvariant(name[0]) + name.Substring(1);
        Kind = kind;
        Groupable = groupable;
        Operators = operators;
        KnownValues = knownValues ?? [];
        AnyOf = anyOf;
    }

    internal ReferralField(string name, Func<Referral, string?> get, Action<Referral, string?> set, bool groupable, IReadOnlyList<string> operators, IReadOnlyList<string>? knownValues, Func<ReferralFilter, IList<string>>? anyOf)
        : this(name, ReferralFieldKind.Term, groupable, operators, knownValues, anyOf)
    {
        text = get;
        setText = set;
    }

    internal ReferralField(string name, Func<Referral, DateTime?> get, Action<Referral, DateTime?> set, IReadOnlyList<string> operators)
        : this(name, ReferralFieldKind.Date, true, operators, null, null)
    {
        date = get;
        setDate = set;
    }

    /// <summary>The API's camelCase name, e.g. <c>createdDate</c>.</summary>
    public string Name { get; }

    /// <summary>The name as PowerShell sees it: the <see cref="Referral"/> property, a CSV column, a piped object's property, e.g. <c>CreatedDate</c>.</summary>
    public string Property { get; }

    public ReferralFieldKind Kind { get; }

    /// <summary>Whether <c>groupby</c> accepts the field.</summary>
    public bool Groupable { get; }

    /// <summary>Comparison operators and functions the field supports (<c>eq</c>, <c>ge</c>, <c>contains</c>...).</summary>
    public IReadOnlyList<string> Operators { get; }

    /// <summary>Values the service is known to use, for completion; empty when none are known. Never a closed list (API.md).</summary>
    public IReadOnlyList<string> KnownValues { get; }

    /// <summary>
    /// The list of a <see cref="ReferralFilter"/> that selects referrals whose field is any of several values: the typed
    /// parameter named <see cref="Property"/> (-Status, -CustomerMarket...). Null for a field without one.
    /// </summary>
    internal Func<ReferralFilter, IList<string>>? AnyOf { get; }

    /// <summary>For a date field, the name of its bucket at <paramref name="level"/> (Day, Week, Month): <c>createdMonth</c>.</summary>
    public string BucketName(string level) => Name.Substring(0, Name.Length - "Date".Length) + level;

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

    /// <summary>The value of a term field on <paramref name="referral"/>.</summary>
    public string? TextOf(Referral referral) => text!(referral);

    /// <summary>The value of a date field on <paramref name="referral"/>.</summary>
    public DateTime? DateOf(Referral referral) => date!(referral);

    /// <summary>The value on <paramref name="referral"/>, whichever the kind (boxed: not for a per-row path).</summary>
    public object? ValueOf(Referral referral) => Kind == ReferralFieldKind.Date ? DateOf(referral) : TextOf(referral);

    internal void SetText(Referral referral, string? value) => setText!(referral, value);

    internal void SetDate(Referral referral, DateTime? value) => setDate!(referral, value);

    public override string ToString() => Name;
}
