using PartnerReferrals.Emulator;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Module.Tests.Support;

/// <summary>
/// One in-process emulator for the engine entry-point tests, publishing its address to a file as the command-line
/// emulator does, so that Connect reads it exactly as Connect-PartnerReferrals -Environment Emulator would.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const int ReferralCount = 3000;

    public EmulatorServer Server { get; private set; } = null!;

    public string PublishFile { get; } = Path.Combine(Path.GetTempPath(), $"partnerreferrals-module-tests-{Guid.NewGuid():N}.json");

    public string ClientId { get; } = Guid.NewGuid().ToString();

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = ReferralCount, Seed = 17, PublishFile = PublishFile });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(PublishFile);
    }

    public ConnectRequest DeviceCodeRequest() => new()
    {
        Method = SignInMethod.DeviceCode,
        Environment = PartnerEnvironment.Emulator,
        EmulatorFile = PublishFile,
        ClientId = ClientId,
    };

    /// <summary>Signs in by device code (the emulator approves it by itself) unless this session is already current.</summary>
    public void EnsureConnected()
    {
        var current = PartnerReferralsOperations.GetContext();
        if (current?.Environment == nameof(PartnerEnvironment.Emulator) && string.Equals(current.BaseUrl?.TrimEnd('/'), Server.BaseAddress.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        PartnerReferralsOperations.Connect(DeviceCodeRequest(), new RecordingHost(), timeout.Token);
    }
}

/// <summary>The engine keeps one current session per process, so the tests that sign in run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineSessionCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Engine session";
}
