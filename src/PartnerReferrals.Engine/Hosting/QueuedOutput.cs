using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// The engine side of <see cref="EngineRunner"/>: every call becomes one queue item, replayed in order on the
/// pipeline thread. Objects travel in batches of up to <see cref="EngineRunner.MaxObjectsPerBatch"/>, each
/// holding one slot until the pipeline has written all of it, so the closure, the slot wait and a possible
/// wake-up of the pipeline thread are paid per batch, not per row.
/// </summary>
internal sealed class QueuedOutput : IEngineOutput
{
    private readonly BlockingCollection<Action<IEngineHost>> queue;
    private readonly SemaphoreSlim slots;
    private readonly int objectsPerSlot;
    private readonly CancellationToken stop;

    public QueuedOutput(BlockingCollection<Action<IEngineHost>> queue, int objectBuffer, CancellationToken stop)
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

    public Task WriteObjectAsync(object item, CancellationToken cancellationToken) => WriteObjectsAsync([item], cancellationToken);

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

    public void WriteVerbose(string message) => Post(host => host.WriteVerbose(message));

    public void WriteDebug(string message) => Post(host => host.WriteDebug(message));

    public void WriteWarning(string message) => Post(host => host.WriteWarning(message));

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
        foreach (var item in batch)
        {
            // A stop (Ctrl+C, or the host throwing on an earlier item) ends the batch at once, not 255 rows later.
            stop.ThrowIfCancellationRequested();
            host.WriteObject(item);
        }

        // Released after the whole batch is written, so the objects still to be written stay within the buffer.
        slots.Release();
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
