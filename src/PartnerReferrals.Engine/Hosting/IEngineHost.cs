using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// The engine's only view of its host (PowerShell, a test, the benchmark). A cmdlet implements it over its Write*
/// methods for its pipeline thread; <see cref="EngineRunner"/> wraps that in one any engine thread may call, which
/// replays every call in order on the pipeline thread. Nothing here knows which side it is on.
/// </summary>
public interface IEngineHost
{
    /// <summary>
    /// Output objects (referrals, groups, a context), in order. The runner's side waits while the pipeline is behind,
    /// so a slow consumer slows the download instead of filling memory, and keeps the list until it is written, so
    /// the caller must not change it afterwards. The pipeline's side writes them at once, stopping when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken);

    void WriteVerbose(string message);

    void WriteDebug(string message);

    void WriteWarning(string message);

    void WriteProgress(ProgressReport report);

    /// <summary>The query's total row count, once known (for -IncludeTotalCount).</summary>
    void WriteTotalCount(long totalCount);

    /// <summary>A non-terminating error: the operation goes on.</summary>
    void WriteError(PartnerReferralsException error);
}

/// <summary>One object at a time, for the few writes that are not a stream of rows.</summary>
public static class EngineHostExtensions
{
    public static Task WriteObjectAsync(this IEngineHost host, object item, CancellationToken cancellationToken) =>
        (host ?? throw new System.ArgumentNullException(nameof(host))).WriteObjectsAsync([item], cancellationToken);
}
