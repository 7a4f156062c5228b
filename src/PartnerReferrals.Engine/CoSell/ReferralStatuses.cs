using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// The statuses of a co-sell referral, the substatuses that belong to each, and the moves the documents allow
/// (API-COSELL.md §3.2 and §3.3), said once: the update cmdlet's checks, its messages and tab completion read them here.
/// </summary>
public static class ReferralStatuses
{
    public const string New = "New";
    public const string Active = "Active";
    public const string Closed = "Closed";

    /// <summary>The one substatus the service sets itself (an incoming referral not answered in 14 days).</summary>
    public const string Expired = "Expired";

    // Status, its substatuses, the statuses it may move to. Closed is final.
    private static readonly (string Status, string[] Substatuses, string[] MayMoveTo)[] Table =
    [
        (New, ["Pending", "Received"], [New, Active, Closed]),
        (Active, ["Accepted"], [Active, Closed]),
        (Closed, ["Won", "Lost", "Declined", Expired], []),
    ];

    public static IReadOnlyList<string> Statuses { get; } = [.. Table.Select(row => row.Status)];

    public static IReadOnlyList<string> Substatuses { get; } = [.. Table.SelectMany(row => row.Substatuses)];

    /// <summary>What a caller may set: every substatus but Expired, which only the service decides.</summary>
    public static IReadOnlyList<string> SettableSubstatuses { get; } = [.. Substatuses.Where(s => s != Expired)];

    /// <summary>The substatuses of <paramref name="status"/> (canonical casing), empty for a status the documents do not list.</summary>
    public static IReadOnlyList<string> SubstatusesOf(string? status) =>
        Table.FirstOrDefault(row => Same(row.Status, status)).Substatuses ?? [];

    /// <summary>The status <paramref name="substatus"/> belongs to, or null.</summary>
    public static string? StatusOf(string? substatus) =>
        Table.FirstOrDefault(row => row.Substatuses.Any(s => Same(s, substatus))).Status;

    /// <summary>Whether a referral in <paramref name="from"/> may be set to <paramref name="to"/>; an undocumented current status is left to the service.</summary>
    public static bool MayMove(string? from, string to)
    {
        var row = Table.FirstOrDefault(r => Same(r.Status, from));
        return row.Status is null || row.MayMoveTo.Any(s => Same(s, to));
    }

    internal static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
