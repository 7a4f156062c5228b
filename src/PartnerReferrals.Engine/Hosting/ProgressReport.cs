namespace PartnerReferrals.Engine.Hosting;

/// <summary>One progress update, shaped like PowerShell's ProgressRecord so the adapter is a copy.</summary>
/// <param name="Activity">What is going on, e.g. "Getting referrals".</param>
/// <param name="Status">How far it is, e.g. "500 of 1,200 referrals".</param>
/// <param name="PercentComplete">0..100, or -1 when the total is not known yet.</param>
/// <param name="Completed">The last report of the operation.</param>
public sealed record ProgressReport(string Activity, string Status, int PercentComplete, bool Completed = false)
{
    /// <summary>Stable per operation, so that PowerShell updates one bar instead of drawing many.</summary>
    public int ActivityId { get; init; } = 1;
}
