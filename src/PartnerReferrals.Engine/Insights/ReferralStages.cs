using System;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Insights;

/// <summary>
/// Which lifecycle stages a referral reached. A stage counts when its date is set or the status names it: the
/// status alone is the last stage (an archived win keeps its wonDate), and a date alone may be missing from a
/// hand-edited CSV.
/// </summary>
internal static class ReferralStages
{
    public static bool Acknowledged(Referral r) => Reached(r.AcknowledgedDate, r.Status, "Acknowledged");

    public static bool Accepted(Referral r) => Reached(r.AcceptedDate, r.Status, "Accepted");

    public static bool Won(Referral r) => Reached(r.WonDate, r.Status, "Won");

    public static bool Declined(Referral r) => Reached(r.DeclinedDate, r.Status, "Declined");

    public static bool Expired(Referral r) => Reached(r.ExpiredDate, r.Status, "Expired");

    public static bool Missed(Referral r) => Reached(r.MissedDate, r.Status, "Missed");

    public static bool Skipped(Referral r) => Reached(r.SkippedDate, r.Status, "Skipped");

    public static bool Lost(Referral r) => Reached(r.LostDate, r.Status, "Lost");

    public static bool Archived(Referral r) => Reached(r.ArchivedDate, r.Status, "Archived");

    private static bool Reached(DateTime? date, string? status, string stage) =>
        date.HasValue || string.Equals(status, stage, StringComparison.OrdinalIgnoreCase);
}
