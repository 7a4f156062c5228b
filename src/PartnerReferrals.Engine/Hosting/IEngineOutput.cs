using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// What engine code writes to while it runs on any thread. <see cref="EngineRunner"/> queues every call and
/// replays it on the pipeline thread through <see cref="IEngineHost"/>. Writing an object waits when the
/// pipeline is behind, so a slow consumer slows the download instead of filling memory.
/// </summary>
public interface IEngineOutput
{
    Task WriteObjectAsync(object item, CancellationToken cancellationToken);

    /// <summary>
    /// Several objects at once, written in order: a stream of rows pays the hand-over to the pipeline thread
    /// once per batch instead of once per row. The list is kept until it is replayed, so the caller must not
    /// change it afterwards.
    /// </summary>
    Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken);

    void WriteVerbose(string message);

    void WriteDebug(string message);

    void WriteWarning(string message);

    void WriteProgress(ProgressReport report);

    void WriteTotalCount(long totalCount);

    void WriteError(PartnerReferralsException error);
}
