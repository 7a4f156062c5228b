using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>One colour per final status (a ten-colour palette readable on light and dark backgrounds), in lifecycle order.</summary>
internal static class StatusColors
{
    private static readonly (string Status, string Color)[] Known =
    [
        ("Created", "#9d9d9d"), ("Acknowledged", "#4e79a7"), ("Accepted", "#76b7b2"), ("Won", "#59a14f"),
        ("Lost", "#e15759"), ("Declined", "#f28e2b"), ("Expired", "#b07aa1"), ("Missed", "#ff9da7"),
        ("Skipped", "#edc948"), ("Archived", "#9c755f"),
    ];

    private const string Unknown = "#6b6b6b";

    public static string Of(string? status) =>
        Known.Where(k => string.Equals(k.Status, status, StringComparison.OrdinalIgnoreCase)).Select(k => k.Color).FirstOrDefault() ?? Unknown;

    /// <summary>Lifecycle order first, then any status the module does not know, by name.</summary>
    public static IEnumerable<string> Order(IEnumerable<string> statuses) =>
        statuses.OrderBy(s => Rank(s)).ThenBy(s => s, StringComparer.OrdinalIgnoreCase);

    private static int Rank(string status)
    {
        for (var i = 0; i < Known.Length; i++)
        {
            if (string.Equals(Known[i].Status, status, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return Known.Length;
    }
}
