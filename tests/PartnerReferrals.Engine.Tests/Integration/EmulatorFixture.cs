using System.Text.Json;
using PartnerReferrals.Emulator;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>One emulator per test class, with its discovery file published by the test to a temp path.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    protected virtual int ReferralCount => 3000;

    public EmulatorServer Server { get; private set; } = null!;

    /// <summary>A temp folder for this fixture: the emulator file and token caches live here.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "pr-engine-tests-" + Guid.NewGuid().ToString("N"));

    public string EmulatorFile => Path.Combine(Folder, "emulator.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            ReferralCount = ReferralCount,
            Seed = 7,
            DeviceCodePendingPolls = 1,
            ClientSecret = EmulatorSignIn.ClientSecret,
        });
        await File.WriteAllTextAsync(EmulatorFile, JsonSerializer.Serialize(new
        {
            baseUrl = Server.BaseAddress.ToString(),
            authority = Server.Authority.ToString(),
            tenantId = Server.TenantId,
            certificateThumbprint = Server.CertificateThumbprint,
            processId = Environment.ProcessId,
        }));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class LargeEmulatorFixture : EmulatorFixture
{
    protected override int ReferralCount => 100_000;
}
