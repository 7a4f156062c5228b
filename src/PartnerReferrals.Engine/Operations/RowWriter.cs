using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// Writes a stream of rows to the output in batches (<see cref="EngineRunner.MaxObjectsPerBatch"/>): one
/// hand-over to the pipeline thread per batch instead of per row. A batch is also written whenever the next
/// row is not ready yet (the next page is still on the wire), so batching never delays a row behind the network,
/// and before every progress report, so a report follows the rows it counts.
/// </summary>
internal static class RowWriter
{
    /// <summary>Writes every row; <paramref name="written"/> counts the rows handed to the output, so a failure can say how many were written.</summary>
    public static async Task WriteAllAsync<T>(IAsyncEnumerable<T> rows, IEngineHost output, RowProgress? progress, CancellationToken cancellationToken, RowCount? written = null)
        where T : class
    {
        var batch = new List<object>(EngineRunner.MaxObjectsPerBatch);
        var source = rows.GetAsyncEnumerator(cancellationToken);
        written ??= new RowCount();
        try
        {
            try
            {
                while (true)
                {
                    var next = source.MoveNextAsync();
                    if (!next.IsCompleted && batch.Count > 0)
                    {
                        var pending = next.AsTask();
                        try
                        {
                            batch = await FlushAsync(batch, output, cancellationToken, written).ConfigureAwait(false);
                        }
                        catch (Exception)
                        {
                            // The enumerator cannot be disposed while a move is under way: let it finish first.
                            await Quietly(pending).ConfigureAwait(false);
                            throw;
                        }

                        if (!await pending.ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    else if (!await next.ConfigureAwait(false))
                    {
                        break;
                    }

                    batch.Add(source.Current);
                    var reportDue = progress?.Row() == true;
                    if (reportDue || batch.Count >= EngineRunner.MaxObjectsPerBatch)
                    {
                        batch = await FlushAsync(batch, output, cancellationToken, written).ConfigureAwait(false);
                    }

                    if (reportDue)
                    {
                        progress!.Report();
                    }
                }
            }
            catch (PartnerReferralsException) when (batch.Count > 0)
            {
                // The rows that arrived before the failure are written: a CSV keeps every row that was read.
                await FlushAsync(batch, output, cancellationToken, written).ConfigureAwait(false);
                throw;
            }

            await FlushAsync(batch, output, cancellationToken, written).ConfigureAwait(false);
        }
        finally
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Hands the batch over and returns an empty one: the output keeps the list until it is replayed.</summary>
    private static async Task<List<object>> FlushAsync(List<object> batch, IEngineHost output, CancellationToken cancellationToken, RowCount written)
    {
        if (batch.Count == 0)
        {
            return batch;
        }

        await output.WriteObjectsAsync(batch, cancellationToken).ConfigureAwait(false);
        written.Add(batch.Count);
        return new List<object>(EngineRunner.MaxObjectsPerBatch);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The flush's failure is the one to report.
        }
    }
}

/// <summary>Rows written so far by <see cref="RowWriter"/>.</summary>
internal sealed class RowCount
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Add(int rows) => Interlocked.Add(ref count, rows);
}
