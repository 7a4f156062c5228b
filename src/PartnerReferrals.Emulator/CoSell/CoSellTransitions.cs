using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The status and substatus moves of API-COSELL.md §3.3: New → New, Active or Closed; Active → Active or Closed;
/// Closed is final (a change to a Closed referral is 409, choice 12); a substatus must belong to its status;
/// Expired is set only by the service. A forbidden move is 400 invalidRequest (choice 12).
/// </summary>
internal static class CoSellTransitions
{
    public static readonly IReadOnlyDictionary<string, string[]> Substatuses = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["New"] = ["Pending", "Received"],
        ["Active"] = ["Accepted"],
        ["Closed"] = ["Won", "Lost", "Declined", "Expired"],
    };

    private static readonly Dictionary<string, string[]> Moves = new(StringComparer.OrdinalIgnoreCase)
    {
        ["New"] = ["New", "Active", "Closed"],
        ["Active"] = ["Active", "Closed"],
        ["Closed"] = ["Closed"],
    };

    /// <summary>Refuses a change of any kind to a Closed referral.</summary>
    public static void DemandOpen(string? status, string id)
    {
        if (string.Equals(status, "Closed", StringComparison.OrdinalIgnoreCase))
        {
            throw new CoSellApiException(409, "invalidRequest", $"The referral '{id}' is Closed: a closed referral cannot change.", "status", "referralClosed", "Closed is a final status.");
        }
    }

    /// <summary>Checks the move from one status/substatus to another; returns the canonical spellings.</summary>
    public static (string Status, string Substatus) Check(string from, string to, string substatus)
    {
        var status = Substatuses.Keys.FirstOrDefault(s => string.Equals(s, to, StringComparison.OrdinalIgnoreCase))
            ?? throw CoSellApiException.Invalid($"'{to}' is not a referral status: New, Active or Closed.", "status");
        if (!Moves[from].Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            throw CoSellApiException.Invalid($"A referral cannot move from {from} to {status}: {from} may become {string.Join(" or ", Moves[from])}.", "status");
        }

        var sub = Substatuses[status].FirstOrDefault(s => string.Equals(s, substatus, StringComparison.OrdinalIgnoreCase))
            ?? throw CoSellApiException.Invalid($"The substatus '{substatus}' does not go with the status {status}: use {string.Join(", ", Substatuses[status])}.", "substatus");
        if (sub == "Expired")
        {
            throw CoSellApiException.Invalid("Only the service sets Expired (an incoming referral not answered within 14 days).", "substatus");
        }

        return (status, sub);
    }
}
