using System.Diagnostics;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Benchmarks;

/// <summary>What one memory child measured: the pull of N rows through the engine's stream, alone in its process.</summary>
public sealed record MemoryResult(
    long Rows,
    long AllocatedBytes,
    long PeakWorkingSetBytes,
    long WorkingSetBeforeBytes,
    long LiveHeapBeforeBytes,
    long LiveHeapAtLastRowBytes,
    double Seconds);

internal static class MemoryPull
{
    public static async Task<MemoryResult> RunAsync(Connection connection, int rows, int pageSize, int concurrency)
    {
        using var session = connection.NewSession(concurrency);
        // One small pull first: JIT, TLS and the connection are then part of the "before" figures, not of the pull.
        await EnginePulls.StreamAsync(session, Math.Min(rows, 10), Math.Min(pageSize, 10));
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var workingSetBefore = self.WorkingSet64;

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var query = ReferralQuery.Create(null, null, null, pageSize, 0, rows);
        long seen = 0;
        long liveAtLastRow = 0;
        await foreach (var row in session.GetReferralsAsync(query, session.NewOperation(null)))
        {
            if (row.Id is not null && ++seen == rows)
            {
                // The stream is still open here: whatever it keeps for the whole result is live now.
                liveAtLastRow = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        self.Refresh();
        return new MemoryResult(seen, allocated, self.PeakWorkingSet64, workingSetBefore, liveBefore, liveAtLastRow, watch.Elapsed.TotalSeconds);
    }
}
