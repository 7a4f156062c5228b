using PartnerReferrals.Emulator;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests.Support;

/// <summary>
/// The packaged module folder (laid out once per run as build.ps1 Package does) and one in-process emulator that
/// publishes its address to a file, which Connect-PartnerReferrals -Environment Emulator -EmulatorFile reads.
/// </summary>
public sealed class ModuleFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; } = null!;

    public string PublishFile { get; } = Path.Combine(Path.GetTempPath(), $"partnerreferrals-powershell-tests-{Guid.NewGuid():N}.json");

    public string ClientId { get; } = Guid.NewGuid().ToString();

    public string ModuleDirectory { get; private set; } = null!;

    public string Manifest => Path.Combine(ModuleDirectory, "PartnerReferrals.psd1");

    /// <summary>The sign-in the tests use, as a script writes it; $emulatorFile and $clientId are set by <see cref="Session"/>.</summary>
    public const string ConnectScript =
        "Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile -UseDeviceCode -ClientId $clientId";

    public async Task InitializeAsync()
    {
        ModuleDirectory = await Task.Run(() => PackagedModule.Current.ModuleDirectory);
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 50, Seed = 17, PublishFile = PublishFile });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(PublishFile);
    }

    /// <summary>A new runspace with the module imported and $emulatorFile and $clientId set.</summary>
    internal PowerShellSession Session()
    {
        var session = PowerShellSession.Start(Manifest);
        session.Set("emulatorFile", PublishFile);
        session.Set("clientId", ClientId);
        return session;
    }

    /// <summary>
    /// Signs in by device code unless the module's session (one per process, shared by every runspace) is already
    /// connected to this emulator.
    /// </summary>
    internal void EnsureConnected(PowerShellSession session) =>
        session.Run("if (-not (Get-PartnerReferralsContext)) { " + ConnectScript + " | Out-Null }").AssertNoErrors();
}

/// <summary>
/// The module keeps one signed-in session per process, so every test of this assembly runs in this one collection,
/// one at a time, sharing the packaged module and the emulator.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PowerShellCollection : ICollectionFixture<ModuleFixture>
{
    public const string Name = "PowerShell";
}
