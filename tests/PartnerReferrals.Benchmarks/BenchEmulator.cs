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

    public static async Task<BenchEmulator> StartAsync(int rows) =>
        new(await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = rows, Seed = 7 }));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
