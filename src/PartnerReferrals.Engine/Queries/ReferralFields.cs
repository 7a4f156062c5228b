using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// The one catalogue of referral fields: names, kinds, operators and grouping. Validation, the filter builder,
/// the raw-filter check and the error messages all read it, so adding a field is a one-line change.
/// </summary>
public static class ReferralFields
{
    private static readonly string[] TermOperators = ["eq", "ne"];
    private static readonly string[] NameOperators = ["eq", "ne", "contains"];
    private static readonly string[] DateOperators = ["eq", "ne", "gt", "ge", "lt", "le"];

    private static readonly Dictionary<string, ReferralField> ByName =
        BuildAll().ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every field in the API's documented order.</summary>
    public static IReadOnlyList<ReferralField> All { get; } = BuildAll();

    public static IReadOnlyList<ReferralField> DateFields { get; } = All.Where(f => f.Kind == ReferralFieldKind.Date).ToArray();

    public static IReadOnlyList<ReferralField> GroupableFields { get; } = All.Where(f => f.Groupable).ToArray();

    /// <summary>Finds a field by name, ignoring case as the API does.</summary>
    public static bool TryGet(string? name, out ReferralField field)
    {
        if (name is not null && ByName.TryGetValue(name.Trim(), out var found))
        {
            field = found;
            return true;
        }

        field = null!;
        return false;
    }

    /// <summary>Comma-separated names for error messages that list the valid choices.</summary>
    public static string Describe(IEnumerable<ReferralField> fields) => string.Join(", ", fields.Select(f => f.Name));

    private static ReferralField[] BuildAll() =>
    [
        // The id is unique per row: grouping by it would return the rows themselves, one count each.
        new("id", ReferralFieldKind.Term, false, TermOperators),
        new("status", ReferralFieldKind.Term, true, TermOperators),
        new("customerMarket", ReferralFieldKind.Term, true, TermOperators),
        new("customerName", ReferralFieldKind.Term, true, NameOperators),
        new("customerOrgSize", ReferralFieldKind.Term, true, TermOperators),
        new("partnerMarket", ReferralFieldKind.Term, true, TermOperators),
        new("createdDate", ReferralFieldKind.Date, true, DateOperators),
        new("acknowledgedDate", ReferralFieldKind.Date, true, DateOperators),
        new("acceptedDate", ReferralFieldKind.Date, true, DateOperators),
        new("declinedDate", ReferralFieldKind.Date, true, DateOperators),
        new("expiredDate", ReferralFieldKind.Date, true, DateOperators),
        new("lostDate", ReferralFieldKind.Date, true, DateOperators),
        new("missedDate", ReferralFieldKind.Date, true, DateOperators),
        new("skippedDate", ReferralFieldKind.Date, true, DateOperators),
        new("wonDate", ReferralFieldKind.Date, true, DateOperators),
        new("archivedDate", ReferralFieldKind.Date, true, DateOperators),
    ];
}
