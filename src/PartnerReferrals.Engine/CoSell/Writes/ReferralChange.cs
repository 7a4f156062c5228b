using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// What Update-PartnerCoSellReferral is asked to change, as typed. <see cref="Checked"/> holds it to the documents
/// before any request (values, which substatus goes with which status); <see cref="ToPatch"/> then checks the move
/// against the referral's current status and builds the one JSON Patch that carries it.
/// </summary>
public sealed class ReferralChange
{
    public string? Status { get; set; }

    public string? Substatus { get; set; }

    public string? StatusReason { get; set; }

    public decimal? DealValue { get; set; }

    public string? Currency { get; set; }

    public DateTime? CloseDate { get; set; }

    public string? SalesStage { get; set; }

    public IList<PersonInput> AddTeamMembers { get; } = new List<PersonInput>();

    /// <summary>Whether the referral's status moves: the change a prompt must confirm by default (ConfirmImpact High).</summary>
    public bool ChangesStatus => Status is not null || Substatus is not null;

    /// <summary>
    /// A copy with every value as the documents spell it, the status completed from the substatus (or the one
    /// substatus of Active), or an error naming the parameter to correct.
    /// </summary>
    public ReferralChange Checked()
    {
        var (status, substatus) = CheckedStatus();
        var change = new ReferralChange
        {
            Status = status,
            Substatus = substatus,
            StatusReason = StatusReason,
            DealValue = WriteValues.DealValue(nameof(DealValue), DealValue),
            Currency = WriteValues.CurrencyCode(nameof(Currency), Currency),
            CloseDate = CloseDate,
            SalesStage = WriteValues.Canonical(nameof(SalesStage), SalesStage, WriteValues.SalesStages),
        };
        foreach (var member in AddTeamMembers.Select(m => m.Checked("AddTeamMember")).GroupBy(m => m.Email, StringComparer.OrdinalIgnoreCase))
        {
            change.AddTeamMembers.Add(member.First());
        }

        if (change.Describe().Length == 0)
        {
            throw CoSellWriteErrors.NothingToChange();
        }

        return change;
    }

    /// <summary>What the update does, in words, for -WhatIf, the confirmation prompt and messages.</summary>
    public string Describe()
    {
        var sets = new List<string>();
        if (Status is not null)
        {
            sets.Add("the status to " + Status + "/" + Substatus);
        }

        if (StatusReason is not null)
        {
            sets.Add("the status reason to '" + StatusReason + "'");
        }

        if (DealValue is { } value)
        {
            sets.Add("the deal value to " + value.ToString(CultureInfo.InvariantCulture) + (Currency is null ? string.Empty : " " + Currency));
        }
        else if (Currency is not null)
        {
            sets.Add("the currency to " + Currency);
        }

        if (CloseDate is { } date)
        {
            sets.Add("the close date to " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (SalesStage is not null)
        {
            sets.Add("the sales stage to " + SalesStage);
        }

        var parts = new List<string>();
        if (sets.Count > 0)
        {
            parts.Add("Set " + string.Join(", ", sets));
        }

        if (AddTeamMembers.Count > 0)
        {
            parts.Add((parts.Count == 0 ? "Add " : "add ") + string.Join(", ", AddTeamMembers.Select(m => m.Email)) + " to the team");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// The patch that makes this (checked) change to <paramref name="current"/>: a move the documents forbid is an error
    /// naming -Status; a status the referral already has and team members already on it are left out, so the patch
    /// may be empty (nothing to send).
    /// </summary>
    internal JsonPatchDocument ToPatch(ReferralState current)
    {
        var patch = new JsonPatchDocument();
        if (Status is not null && !(ReferralStatuses.Same(Status, current.Status) && ReferralStatuses.Same(Substatus, current.Substatus)))
        {
            if (!ReferralStatuses.MayMove(current.Status, Status))
            {
                throw CoSellWriteErrors.ForbiddenMove(current, Status, Substatus!);
            }

            patch.Replace("/status", Status).Replace("/substatus", Substatus!);
        }

        if (StatusReason is not null)
        {
            patch.Replace("/statusReason", StatusReason);
        }

        if (DealValue is { } value)
        {
            patch.Replace("/details/dealValue", value);
        }

        if (Currency is not null)
        {
            patch.Replace("/details/currency", Currency);
        }

        if (CloseDate is { } date)
        {
            patch.Replace("/details/closingDateTime", date);
        }

        if (SalesStage is not null)
        {
            patch.Replace("/salesStage", SalesStage);
        }

        foreach (var member in AddTeamMembers.Where(m => !current.TeamEmails.Contains(m.Email, StringComparer.OrdinalIgnoreCase)))
        {
            patch.Append("/team", member);
        }

        return patch;
    }

    /// <summary>
    /// Whether <paramref name="now"/> (read after the update) holds every value of this change: how an update that was
    /// sent again after a dropped connection, and refused (412) as already applied, is known to have taken effect.
    /// </summary>
    public bool IsIn(ReferralState now)
    {
        var values = (now ?? throw new ArgumentNullException(nameof(now))).Values;
        return (Status is null || (ReferralStatuses.Same(now.Status, Status) && ReferralStatuses.Same(now.Substatus, Substatus)))
            && (StatusReason is null || string.Equals(values?.StatusReason, StatusReason, StringComparison.Ordinal))
            && (DealValue is null || values?.DealValue == DealValue)
            && (Currency is null || ReferralStatuses.Same(values?.Currency, Currency))
            && (CloseDate is null || values?.ClosingDate?.Date == CloseDate.Value.Date)
            && (SalesStage is null || ReferralStatuses.Same(values?.SalesStage, SalesStage))
            && AddTeamMembers.All(m => now.TeamEmails.Contains(m.Email, StringComparer.OrdinalIgnoreCase));
    }

    private (string? Status, string? Substatus) CheckedStatus()
    {
        if (Status is not null && ReferralStatuses.StatusOf(Status.Trim()) is { } owner)
        {
            throw CoSellWriteErrors.SubstatusAsStatus(Status.Trim(), owner);
        }

        var status = WriteValues.Canonical(nameof(Status), Status, ReferralStatuses.Statuses);
        var substatus = WriteValues.Canonical(nameof(Substatus), Substatus, ReferralStatuses.Substatuses);
        if (ReferralStatuses.Same(substatus, ReferralStatuses.Expired))
        {
            throw CoSellWriteErrors.SetByService(substatus!);
        }

        if (status is null)
        {
            return (ReferralStatuses.StatusOf(substatus), substatus);
        }

        var settable = ReferralStatuses.SubstatusesOf(status).Intersect(ReferralStatuses.SettableSubstatuses).ToList();
        if (substatus is null)
        {
            return settable.Count == 1 ? (status, settable[0]) : throw CoSellWriteErrors.SubstatusNeeded(status, settable);
        }

        return settable.Contains(substatus) ? (status, substatus) : throw CoSellWriteErrors.SubstatusNotOfStatus(status, substatus, settable);
    }
}
