namespace PartnerReferrals.Engine.Hosting;

/// <summary>One progress update, shaped like PowerShell's ProgressRecord so the adapter is a copy.</summary>
public sealed class ProgressReport
{
    public ProgressReport(string activity, string status, int percentComplete, bool completed = false)
    {
        Activity = activity;
        Status = status;
        PercentComplete = percentComplete;
        Completed = completed;
    }

    /// <summary>Stable per operation, so that PowerShell updates one bar instead of drawing many.</summary>
    public int ActivityId { get; set; } = 1;

    public string Activity { get; }

    public string Status { get; }

    /// <summary>0..100, or -1 when the total is not known yet.</summary>
    public int PercentComplete { get; }

    public bool Completed { get; }
}
