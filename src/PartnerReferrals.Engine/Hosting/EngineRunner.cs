using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// Runs asynchronous engine work off the pipeline thread and replays everything it writes on the calling
/// thread, because PowerShell allows Write* calls from the pipeline thread only. The calling thread blocks
/// (as Invoke-RestMethod does) until the work ends, cancellation is requested, or the host throws
/// (for example when <c>Select-Object -First</c> stops the pipeline); in the last two cases the work is
/// cancelled at once and no further request is sent.
/// </summary>
public static class EngineRunner
{
    /// <summary>How many output objects may wait for the pipeline before the producer pauses: bounds memory.</summary>
    public const int DefaultObjectBuffer = 1024;

    public static T Run<T>(IEngineHost host, Func<IEngineOutput, CancellationToken, Task<T>> work, CancellationToken cancellationToken, int objectBuffer = DefaultObjectBuffer)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Not disposed: a late continuation or writer may still touch them after Run returns; they hold no handles until waited on.
        var queue = new BlockingCollection<Action<IEngineHost>>();
        var slots = new SemaphoreSlim(objectBuffer, objectBuffer);
        var output = new QueuedOutput(queue, slots);

        var task = Task.Run(() => work(output, linked.Token), linked.Token);
        _ = task.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            foreach (var write in queue.GetConsumingEnumerable(linked.Token))
            {
                write(host);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Fall through: the task below reports how the work ended.
        }
        finally
        {
            if (!task.IsCompleted)
            {
                // The host threw or the caller cancelled: stop the work and wait, so no request outlives Run.
                linked.Cancel();
                WaitQuietly(task);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return task.GetAwaiter().GetResult();
    }

    public static void Run(IEngineHost host, Func<IEngineOutput, CancellationToken, Task> work, CancellationToken cancellationToken, int objectBuffer = DefaultObjectBuffer)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        Run<bool>(host, async (output, token) =>
        {
            await work(output, token).ConfigureAwait(false);
            return true;
        }, cancellationToken, objectBuffer);
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // The work's own failure after a stop is not news to the user: the stop is what they asked for.
        }
    }

    private sealed class QueuedOutput : IEngineOutput
    {
        private readonly BlockingCollection<Action<IEngineHost>> queue;
        private readonly SemaphoreSlim slots;

        public QueuedOutput(BlockingCollection<Action<IEngineHost>> queue, SemaphoreSlim slots)
        {
            this.queue = queue;
            this.slots = slots;
        }

        public async Task WriteObjectAsync(object item, CancellationToken cancellationToken)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            Post(host =>
            {
                slots.Release();
                host.WriteObject(item);
            });
        }

        public void WriteVerbose(string message) => Post(host => host.WriteVerbose(message));

        public void WriteDebug(string message) => Post(host => host.WriteDebug(message));

        public void WriteWarning(string message) => Post(host => host.WriteWarning(message));

        public void WriteProgress(ProgressReport report) => Post(host => host.WriteProgress(report));

        public void WriteTotalCount(long totalCount) => Post(host => host.WriteTotalCount(totalCount));

        public void WriteError(PartnerReferralsException error) => Post(host => host.WriteError(error));

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
}
