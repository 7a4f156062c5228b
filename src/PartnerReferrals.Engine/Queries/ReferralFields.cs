using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// The one description of the referral's sixteen fields. JSON binding, the CSV writer, reading piped objects and
/// Import-Csv rows, grouping, the filter builder and its checks, the views and the completers all read it, so a field
/// is added here once. The emulator keeps its own description on purpose: it stands for the other side of the API,
/// and sharing this one would hide a mismatch between client and server instead of a test showing it.
/// </summary>
public static class ReferralFields
{
    /// <summary>The aggregation levels of grouped dates, as the cmdlets spell them (the API ignores case).</summary>
    public static readonly IReadOnlyList<string> Levels = ["Day", "Week", "Month"];

    private static readonly string[] TermOperators = ["eq", "ne"];
    private static readonly string[] NameOperators = ["eq", "ne", "contains"];
    private static readonly string[] DateOperators = ["eq", "ne", "gt", "ge", "lt", "le"];

    // What the service is known to send (API.md); any other value passes through.
    private static readonly string[] Statuses = ["Created", "Acknowledged", "Accepted", "Declined", "Expired", "Lost", "Missed", "Skipped", "Won", "Archived"];
    private static readonly string[] OrgSizes =
    [
        "1to9employees", "10to50employees", "51to250employees", "251to1000employees", "1001to5000employees",
        "5001to10000employees", "10001to20000employees", "Morethan20000employees",
    ];

    /// <summary>ISO 3166-1 alpha-2, the codes the API's markets use (e.g. US, DE).</summary>
    private static readonly string[] Markets =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".Split(' ');

    /// <summary>
    /// Every field, in the order of the <see cref="Models.Referral"/> properties: the order of a CSV's columns, which
    /// Export-Csv takes from the properties and Export-PartnerReferral writes the same.
    /// </summary>
    public static IReadOnlyList<ReferralField> All { get; } =
    [
        // The id is unique per row: grouping by it would return the rows themselves, one count each.
        new("id", r => r.Id, (r, v) => r.Id = v, false, TermOperators, null, f => f.Id),
        new("status", r => r.Status, (r, v) => r.Status = v, true, TermOperators, Statuses, f => f.Status),
        new("customerName", r => r.CustomerName, (r, v) => r.CustomerName = v, true, NameOperators, null, null),
        new("customerMarket", r => r.CustomerMarket, (r, v) => r.CustomerMarket = v, true, TermOperators, Markets, f => f.CustomerMarket),
        new("partnerMarket", r => r.PartnerMarket, (r, v) => r.PartnerMarket = v, true, TermOperators, Markets, f => f.PartnerMarket),
        new("customerOrgSize", r => r.CustomerOrgSize, (r, v) => r.CustomerOrgSize = v, true, TermOperators, OrgSizes, f => f.CustomerOrgSize),
        new("createdDate", r => r.CreatedDate, (r, v) => r.CreatedDate = v, DateOperators),
        new("acknowledgedDate", r => r.AcknowledgedDate, (r, v) => r.AcknowledgedDate = v, DateOperators),
        new("acceptedDate", r => r.AcceptedDate, (r, v) => r.AcceptedDate = v, DateOperators),
        new("declinedDate", r => r.DeclinedDate, (r, v) => r.DeclinedDate = v, DateOperators),
        new("expiredDate", r => r.ExpiredDate, (r, v) => r.ExpiredDate = v, DateOperators),
        new("missedDate", r => r.MissedDate, (r, v) => r.MissedDate = v, DateOperators),
        new("skippedDate", r => r.SkippedDate, (r, v) => r.SkippedDate = v, DateOperators),
        new("wonDate", r => r.WonDate, (r, v) => r.WonDate = v, DateOperators),
        new("lostDate", r => r.LostDate, (r, v) => r.LostDate = v, DateOperators),
        new("archivedDate", r => r.ArchivedDate, (r, v) => r.ArchivedDate = v, DateOperators),
    ];

    public static IReadOnlyList<ReferralField> DateFields { get; } = [.. All.Where(f => f.Kind == ReferralFieldKind.Date)];

    public static IReadOnlyList<ReferralField> GroupableFields { get; } = [.. All.Where(f => f.Groupable)];

    /// <summary>The fields with a typed parameter that selects any of several values (-Id, -Status, -CustomerMarket...).</summary>
    public static IReadOnlyList<ReferralField> ValueFilterFields { get; } = [.. All.Where(f => f.AnyOf is not null)];

    /// <summary>What a date bucket can be named in -GroupBy besides the field and a level: createdDay, createdWeek, createdMonth...</summary>
    public static IReadOnlyList<string> BucketNames { get; } = [.. DateFields.SelectMany(f => Levels.Select(f.BucketName))];

    public static ReferralField Id { get; } = All[0];

    public static ReferralField CreatedDate { get; } = All.First(f => f.Name == ReferralFilter.DefaultDateField);

    private static readonly Dictionary<string, ReferralField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

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

    /// <summary>
    /// A name -GroupBy accepts: a field (<c>createdDate</c>, level null) or a date field's bucket (<c>createdMonth</c>:
    /// createdDate, level Month), ignoring case.
    /// </summary>
    public static bool TryGetGrouping(string? name, out ReferralField field, out string? level)
    {
        level = null;
        if (TryGet(name, out field))
        {
            return true;
        }

        var text = name?.Trim() ?? string.Empty;
        foreach (var candidate in Levels)
        {
            if (text.EndsWith(candidate, StringComparison.OrdinalIgnoreCase)
                && TryGet(text.Substring(0, text.Length - candidate.Length) + "Date", out field) && field.Kind == ReferralFieldKind.Date)
            {
                level = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The level as the cmdlets spell it (Day, Week, Month), or null when <paramref name="level"/> is none of them.</summary>
    public static string? LevelOf(string? level) =>
        Levels.FirstOrDefault(l => string.Equals(l, level?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Comma-separated names for error messages that list the valid choices.</summary>
    public static string Describe(IEnumerable<ReferralField> fields) => string.Join(", ", fields.Select(f => f.Name));
}
