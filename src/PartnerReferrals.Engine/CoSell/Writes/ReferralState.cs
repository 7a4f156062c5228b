using System;
using System.Collections.Generic;
using System.Linq;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// What an update needs to know of the referral it changes, as the caller last saw it: which one, its eTag (the
/// If-Match of the update), its status (which moves are allowed) and its team (who is already on it).
/// </summary>
public sealed class ReferralState
{
    public ReferralState(string id, string? eTag, string? status, string? substatus, string? name = null, IReadOnlyCollection<string>? teamEmails = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        ETag = eTag;
        Status = status;
        Substatus = substatus;
        Name = name;
        TeamEmails = teamEmails ?? [];
    }

    public string Id { get; }

    public string? ETag { get; }

    public string? Status { get; }

    public string? Substatus { get; }

    public string? Name { get; }

    public IReadOnlyCollection<string> TeamEmails { get; }

    /// <summary>The status reason, deal value, currency, close date and sales stage as seen; null when not read.</summary>
    public ReferralValues? Values { get; init; }

    /// <summary>What an update needs of a referral read before: its id, eTag, status, team and values.</summary>
    public static ReferralState Of(CoSellReferral referral) =>
        new(
            (referral ?? throw new ArgumentNullException(nameof(referral))).Id ?? throw new ArgumentException("The referral has no id.", nameof(referral)),
            referral.ETag,
            referral.Status,
            referral.Substatus,
            referral.Name,
            [.. referral.TeamMembers.Select(m => m.Email).OfType<string>()])
        {
            Values = new ReferralValues(referral.StatusReason, referral.DealValue, referral.Currency, referral.CloseDate, referral.SalesStage),
        };

    /// <summary>How messages and prompts name the referral: its name and id.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name) ? "referral " + Id : "referral '" + Name + "' (" + Id + ")";
}

/// <summary>The values of a referral an update can set, as read: to tell whether an update is already in place.</summary>
public sealed record ReferralValues(string? StatusReason, decimal? DealValue, string? Currency, DateTime? ClosingDate, string? SalesStage);
