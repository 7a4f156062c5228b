namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// One referral's update, planned and checked, not yet sent: which referral (with the eTag that goes into If-Match),
/// the patch, and the words a prompt or -WhatIf shows. The cmdlet asks for confirmation between planning and sending.
/// </summary>
public sealed class ReferralUpdate
{
    private ReferralUpdate(ReferralState state, ReferralChange change, JsonPatchDocument patch)
    {
        State = state;
        Change = change;
        Patch = patch;
    }

    public ReferralState State { get; }

    public ReferralChange Change { get; }

    /// <summary>False when the referral already is as asked (its status, its team): nothing to send.</summary>
    public bool HasChanges => Patch.Count > 0;

    /// <summary>Whether the patch moves the status: the change that asks for confirmation by default.</summary>
    public bool ChangesStatus => System.Linq.Enumerable.Contains(Patch.Paths, "/status");

    internal JsonPatchDocument Patch { get; }

    /// <summary>
    /// Checks <paramref name="change"/> (already <see cref="ReferralChange.Checked"/>) against the referral as
    /// <paramref name="state"/> saw it; a move the documents forbid is an error that concerns this referral only.
    /// </summary>
    public static ReferralUpdate Plan(ReferralChange change, ReferralState state) =>
        new(state ?? throw new System.ArgumentNullException(nameof(state)), change, (change ?? throw new System.ArgumentNullException(nameof(change))).ToPatch(state));
}
