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
/// cancelled at once and no further request is sent. Every engine operation runs through here, so this is the
/// one path from the engine to its host: what the work writes goes through <see cref="QueuedHost"/>.
/// </summary>
public static class EngineRunner
{
    /// <summary>How many output objects may wait for the pipeline before the producer pauses: bounds memory.</summary>
    public const int DefaultObjectBuffer = 1024;

    /// <summary>Most objects handed to the pipeline thread in one queue item; larger writes are split.</summary>
    public const int MaxObjectsPerBatch = 256;

    public static T Run<T>(IEngineHost host, Func<IEngineHost, CancellationToken, Task<T>> work, CancellationToken cancellationToken, int objectBuffer = DefaultObjectBuffer)
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
        // Not disposed: a late continuation or writer may still touch it (and the output's slots) after Run returns; they hold no handles until waited on.
        var queue = new BlockingCollection<Action<IEngineHost>>();
        var output = new QueuedHost(queue, objectBuffer, linked.Token);

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

    public static void Run(IEngineHost host, Func<IEngineHost, CancellationToken, Task> work, CancellationToken cancellationToken, int objectBuffer = DefaultObjectBuffer)
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
}
