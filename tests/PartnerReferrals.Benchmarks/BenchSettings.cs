namespace PartnerReferrals.Benchmarks;

/// <summary>
/// The sizes of one run. <see cref="Full"/> is what docs/benchmarks.md reports; <see cref="Smoke"/> runs the same
/// code on small sizes in seconds, so CI proves the benchmark still works without asking anything of timings.
/// </summary>
public sealed record BenchSettings(
    string Mode,
    int ThroughputRows,
    int PageSize,
    int LatencyRows,
    TimeSpan Latency,
    IReadOnlyList<int> MemoryRows,
    int Repeats,
    bool UseBenchmarkDotNet,
    int PowerShellRows,
    int PowerShellRepeats,
    int PowerShellLatencyRows,
    int PowerShellLatencyPageSize)
{
    // In pwsh the Invoke-RestMethod loop takes 5 to 10 s per 100,000 rows, so the PowerShell rounds use 100,000 (as
    // issue 12 did); at that size the raw limit is under 0.2 s, so 7 rounds, not 3, to keep the medians steady.
    public static BenchSettings Full { get; } = new("full", 1_000_000, 10_000, 200_000, TimeSpan.FromMilliseconds(200), [100_000, 1_000_000], 5, true, 100_000, 7, 100_000, 1_000);

    public static BenchSettings Smoke { get; } = new("smoke", 20_000, 1_000, 20_000, TimeSpan.FromMilliseconds(20), [2_000, 20_000], 1, false, 2_000, 1, 2_000, 500);

    /// <summary>The emulator serves the largest size once; smaller pulls take the first rows of it.</summary>
    public int EmulatorRows => Math.Max(ThroughputRows, Math.Max(LatencyRows, MemoryRows[MemoryRows.Count - 1]));
}
