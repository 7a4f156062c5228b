using BenchmarkDotNet.Attributes;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Scenario 1 for BenchmarkDotNet: the same four pulls, with (b) as the baseline so BDN's Ratio column is c/b and
/// d/b. The suite sets <see cref="Connection"/> and the sizes before it runs this class in-process.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private ReferralPulls? pulls;

    public static Connection? Connection { get; set; }

    public static BenchSettings Settings { get; set; } = BenchSettings.Full;

    public static int Concurrency { get; set; } = 4;

    private ReferralPulls Pulls => pulls!;

    [GlobalSetup]
    public void Setup()
    {
        pulls = new ReferralPulls(Connection!, Settings.ThroughputRows, Settings.PageSize, Concurrency);
    }

    [GlobalCleanup]
    public void Cleanup() => pulls?.Dispose();

    [Benchmark(Description = "(a) raw bytes")]
    public Task<long> RawBytes() => Pulls.RawBytesAsync();

    [Benchmark(Baseline = true, Description = "(b) bytes + Utf8JsonReader")]
    public Task<long> JsonReader() => Pulls.RawBytesAndJsonReaderAsync();

    [Benchmark(Description = "(b') bytes + JsonDocument")]
    public Task<long> JsonDocument() => Pulls.RawBytesAndJsonDocumentAsync();

    [Benchmark(Description = "(c) engine stream")]
    public Task<long> EngineStream() => Pulls.EngineStreamAsync();

    [Benchmark(Description = "(d) entry point, null host")]
    public long EntryPoint() => Pulls.EntryPoint();
}
