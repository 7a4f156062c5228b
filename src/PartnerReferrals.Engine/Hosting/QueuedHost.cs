using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Diagnostics;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// The engine side of <see cref="EngineRunner"/>: every call becomes one queue item, replayed in order on the
/// pipeline thread. Objects travel in batches of up to <see cref="EngineRunner.MaxObjectsPerBatch"/>, each
/// holding one slot until the pipeline has written all of it, so the closure, the slot wait and a possible
/// wake-up of the pipeline thread are paid per batch, not per row. Every text line is redacted here, on its way
/// out of the engine: the one place a line passes whatever wrote it (errors are made clean when they are made).
/// </summary>
internal sealed class QueuedHost : IEngineHost
{
    private readonly BlockingCollection<Action<IEngineHost>> queue;
    private readonly SemaphoreSlim slots;
    private readonly int objectsPerSlot;
    private readonly CancellationToken stop;

    public QueuedHost(BlockingCollection<Action<IEngineHost>> queue, int objectBuffer, CancellationToken stop)
    {
        this.queue = queue;
        this.stop = stop;
        // A quarter of the buffer per batch keeps the producer a few batches ahead of the pipeline. One slot
        // fewer than buffer / batch, because the batch the producer holds while it waits for a slot counts
        // too: objects outside the pipeline stay within objectBuffer, as they did when each took one slot.
        objectsPerSlot = Math.Max(1, Math.Min(EngineRunner.MaxObjectsPerBatch, objectBuffer / 4));
        var count = Math.Max(1, (objectBuffer / objectsPerSlot) - 1);
        slots = new SemaphoreSlim(count, count);
    }

    public async Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        for (var start = 0; start < items.Count; start += objectsPerSlot)
        {
            var batch = start == 0 && items.Count <= objectsPerSlot ? items : Slice(items, start, objectsPerSlot);
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            Post(host => Replay(host, batch));
        }
    }

    public void WriteVerbose(string message) => PostLine(message, static (host, line) => host.WriteVerbose(line));

    public void WriteDebug(string message) => PostLine(message, static (host, line) => host.WriteDebug(line));

    public void WriteWarning(string message) => PostLine(message, static (host, line) => host.WriteWarning(line));

    public void WriteProgress(ProgressReport report) => Post(host => host.WriteProgress(report));

    public void WriteTotalCount(long totalCount) => Post(host => host.WriteTotalCount(totalCount));

    public void WriteError(PartnerReferralsException error) => Post(host => host.WriteError(error));

    private static object[] Slice(IReadOnlyList<object> items, int start, int count)
    {
        var slice = new object[Math.Min(count, items.Count - start)];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = items[start + i];
        }

        return slice;
    }

    private void Replay(IEngineHost host, IReadOnlyList<object> batch)
    {
        // A stop (Ctrl+C, or the host throwing on an earlier item) ends the batch at once: the host checks the token
        // before each object. The pipeline's side writes synchronously, so this waits for nothing.
        host.WriteObjectsAsync(batch, stop).GetAwaiter().GetResult();

        // Released after the whole batch is written, so the objects still to be written stay within the buffer.
        slots.Release();
    }

    /// <summary>Redacted here, on the engine's thread: the pipeline thread only writes.</summary>
    private void PostLine(string message, Action<IEngineHost, string> write)
    {
        var line = Redactor.Redact(message);
        Post(host => write(host, line));
    }

    private void Post(Action<IEngineHost> write)
    {
        // After a stop the pipeline reads no more; dropping late messages is correct, not a loss.
        if (!queue.IsAddingCompleted)
        {
            try
            {
                queue.Add(write);
            }
            catch (InvalidOperationException)
            {
            }
        }
    }
}
