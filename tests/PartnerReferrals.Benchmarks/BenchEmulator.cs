using PartnerReferrals.Emulator;

namespace PartnerReferrals.Benchmarks;

/// <summary>One in-process emulator for a whole run: generating a million rows takes seconds, so it is done once.</summary>
public sealed class BenchEmulator : IAsyncDisposable
{
    private BenchEmulator(EmulatorServer server)
    {
        Server = server;
        Connection = new Connection(server.BaseAddress, server.CertificateThumbprint, server.Tokens.IssueUserToken(TimeSpan.FromHours(4)));
    }

    public EmulatorServer Server { get; }

    public Connection Connection { get; }

    /// <summary>The emulator's discovery file, for <c>Connect-PartnerReferrals -Environment Emulator -EmulatorFile</c> in pwsh.</summary>
    public string? PublishFile => Server.PublishedFile;

    public static async Task<BenchEmulator> StartAsync(int rows) =>
        new(await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ReferralCount = rows,
            Seed = 7,
            PublishFile = Path.Combine(Path.GetTempPath(), "PartnerReferrals.Benchmarks", "emulator-" + Environment.ProcessId + ".json"),
        }));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
