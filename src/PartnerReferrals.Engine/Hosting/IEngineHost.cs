namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// The engine's only view of PowerShell. A cmdlet implements it by forwarding to its own Write* methods;
/// tests implement it with lists. <see cref="EngineRunner"/> calls it on the thread that called
/// <c>Run</c> only, so an implementation needs no locking and PowerShell sees every call on the pipeline thread.
/// </summary>
public interface IEngineHost
{
    /// <summary>An output object (a referral, a group, a context).</summary>
    void WriteObject(object item);

    void WriteVerbose(string message);

    void WriteDebug(string message);

    void WriteWarning(string message);

    void WriteProgress(ProgressReport report);

    /// <summary>The query's total row count, once known (for -IncludeTotalCount).</summary>
    void WriteTotalCount(long totalCount);

    /// <summary>A non-terminating error: the operation goes on.</summary>
    void WriteError(PartnerReferralsException error);
}
