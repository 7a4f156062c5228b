using System;

namespace PartnerReferrals.Models;

/// <summary>
/// The funnel and response-time figures of one group of referrals, as Measure-PartnerReferral writes them.
/// Flat and CSV-safe like <see cref="Referral"/>: the grouped fields (null when not grouped by), counts, rates as
/// fractions from 0 to 1 (null when their denominator is 0), and times in hours (null when nothing was measured).
/// Hours turn into a TimeSpan with <c>[TimeSpan]::FromHours($m.AcknowledgeMedianHours)</c>.
/// </summary>
public sealed class ReferralMeasure
{
    /// <summary>The grouping, e.g. <c>customerMarket,createdMonth</c>; empty for the whole input.</summary>
    public string GroupBy { get; set; } = string.Empty;

    /// <summary>This group's values for display, e.g. <c>US 2024-05</c> (a missing value is <c>(none)</c>); <c>(all)</c> when not grouped.</summary>
    public string Group { get; set; } = "(all)";

    public string? CustomerMarket { get; set; }

    public string? PartnerMarket { get; set; }

    public string? CustomerOrgSize { get; set; }

    public string? Status { get; set; }

    /// <summary>First day (UTC) of the created-date bucket when grouped by createdDay, createdWeek (Monday) or createdMonth.</summary>
    public DateTime? CreatedPeriod { get; set; }

    /// <summary>Day, Week or Month when grouped by a created-date bucket; null otherwise.</summary>
    public string? Interval { get; set; }

    /// <summary>Every row of the group: each referral was created.</summary>
    public long Created { get; set; }

    public long Acknowledged { get; set; }

    public long Accepted { get; set; }

    public long Won { get; set; }

    public long Declined { get; set; }

    public long Expired { get; set; }

    public long Missed { get; set; }

    public long Skipped { get; set; }

    public long Lost { get; set; }

    public long Archived { get; set; }

    /// <summary>Acknowledged / Created.</summary>
    public double? AcknowledgeRate { get; set; }

    /// <summary>Accepted / Acknowledged.</summary>
    public double? AcceptRate { get; set; }

    /// <summary>Won / Accepted.</summary>
    public double? WinRateOfAccepted { get; set; }

    /// <summary>Won / Created.</summary>
    public double? WinRate { get; set; }

    /// <summary>(Expired + Missed) / Created.</summary>
    public double? ExpiredOrMissedRate { get; set; }

    /// <summary>Rows with both createdDate and acknowledgedDate, in order: the rows the Acknowledge times are taken from.</summary>
    public long AcknowledgeMeasured { get; set; }

    public double? AcknowledgeMedianHours { get; set; }

    public double? AcknowledgeP90Hours { get; set; }

    public double? AcknowledgeMeanHours { get; set; }

    /// <summary>Acknowledged rows lacking createdDate or acknowledgedDate: left out of the times.</summary>
    public long AcknowledgeMissingDates { get; set; }

    /// <summary>Rows whose acknowledgedDate is before createdDate: left out of the times.</summary>
    public long AcknowledgeOutOfOrder { get; set; }

    public long AcceptMeasured { get; set; }

    public double? AcceptMedianHours { get; set; }

    public double? AcceptP90Hours { get; set; }

    public double? AcceptMeanHours { get; set; }

    public long AcceptMissingDates { get; set; }

    public long AcceptOutOfOrder { get; set; }

    /// <summary>Rows won or lost with acceptedDate and wonDate (or lostDate) in order: accepted to closed.</summary>
    public long CloseMeasured { get; set; }

    public double? CloseMedianHours { get; set; }

    public double? CloseP90Hours { get; set; }

    public double? CloseMeanHours { get; set; }

    public long CloseMissingDates { get; set; }

    public long CloseOutOfOrder { get; set; }

    /// <summary>The rows left out of the three times for a missing or out-of-order date (the six counters above, added).</summary>
    public long DateProblems { get; set; }

    /// <summary>Earliest createdDate in the group (UTC).</summary>
    public DateTime? FirstCreated { get; set; }

    /// <summary>Latest createdDate in the group (UTC).</summary>
    public DateTime? LastCreated { get; set; }
}
