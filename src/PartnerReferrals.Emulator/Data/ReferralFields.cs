using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PartnerReferrals.Emulator;

/// <summary>What each field is (term, name or date) and its JSON name: the rules of filter and groupby follow from it.</summary>
internal static class ReferralFields
{
    /// <summary>Every field in the order rows are written.</summary>
    public static readonly ReferralField[] All = Enum.GetValues<ReferralField>();

    private static readonly string[] Names = All.Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString())).ToArray();

    private static readonly JsonEncodedText[] EncodedNames = Names.Select(n => JsonEncodedText.Encode(n)).ToArray();

    private static readonly Dictionary<string, ReferralField> ByName =
        All.ToDictionary(f => Names[(int)f], f => f, StringComparer.OrdinalIgnoreCase);

    /// <summary>The documented camelCase name, e.g. <c>customerOrgSize</c>.</summary>
    public static string Name(this ReferralField field) => Names[(int)field];

    public static JsonEncodedText EncodedName(this ReferralField field) => EncodedNames[(int)field];

    /// <summary>Field names ignore case, as one sibling page's <c>groupBy</c> spelling suggests the service does.</summary>
    public static bool TryParse(string name, out ReferralField field) => ByName.TryGetValue(name, out field);

    public static bool IsDate(this ReferralField field) => field is ReferralField.CreatedDate or ReferralField.AcknowledgedDate
        or ReferralField.AcceptedDate or ReferralField.DeclinedDate or ReferralField.ExpiredDate or ReferralField.LostDate
        or ReferralField.MissedDate or ReferralField.SkippedDate or ReferralField.WonDate or ReferralField.ArchivedDate;

    /// <summary>Name fields are the ones <c>contains</c> works on (the sibling pages allow it on names only).</summary>
    public static bool IsName(this ReferralField field) => field == ReferralField.CustomerName;

    public static string Vocabulary { get; } = string.Join(", ", Names);
}
