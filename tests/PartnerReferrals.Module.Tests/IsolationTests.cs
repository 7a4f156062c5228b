using System.Reflection;
using PartnerReferrals.Emulator;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The dependency conflict the module's load context exists for, reproduced without PowerShell: a clean process (the
/// isolation host, whose default context holds no MSAL 4.92, unlike this test host) loads another module's MSAL
/// 4.61.3, then the packaged module folder the way Import-Module does, and signs in to the emulator and queries it.
/// </summary>
public sealed class IsolationTests : IClassFixture<IsolationTests.Emulator>
{
    private const string OtherModuleMsal = "4.61.3.0";
    private readonly Emulator emulator;

    public IsolationTests(Emulator emulator)
    {
        this.emulator = emulator;
    }

    [Fact]
    public void With_an_older_MSAL_already_loaded_the_module_signs_in_and_queries_with_its_own_MSAL_from_a_private_context()
    {
        var requestsBefore = emulator.Server.Requests.Count;

        var result = RunHost(isolate: true);

        Assert.Equal("ok", result.GetValueOrDefault("outcome"));
        Assert.Equal(OtherModuleMsal, result["other-module-msal"]);
        Assert.Equal("PartnerReferrals.Commands.Loading.ModuleAssemblyInitializer", result["initializers"]);
        Assert.Equal("False", result["engine-loaded-before-initializer"]);
        // The cmdlets stay in the session's default context; the engine comes from dependencies/ into our context.
        Assert.Equal("Default", result["cmdlet-context"]);
        Assert.Equal("PartnerReferrals", result["engine-context"]);
        Assert.Equal("dependencies", result["engine-folder"]);
        Assert.Equal("Emulator", result["connected-environment"]);
        Assert.Equal("ok", result["cmdlet-process-record"]);
        Assert.Equal(Emulator.ReferralCount.ToString(System.Globalization.CultureInfo.InvariantCulture), result["rows"]);
        Assert.Equal("PartnerReferrals.Models.Referral", result["row-type"]);
        // Both MSALs live side by side: ours in the private context, the other module's alone in the default one.
        Assert.Equal(PackagedVersion("Microsoft.Identity.Client"), result["engine-msal"]);
        Assert.Equal(PackagedVersion("Microsoft.IdentityModel.Abstractions"), result["engine-identitymodel"]);
        Assert.NotEqual(OtherModuleMsal, result["engine-msal"]);
        Assert.Equal(OtherModuleMsal, result["default-context-msal"]);
        // The cmdlet's own ProcessRecord and the counted query each reached the service.
        Assert.True(emulator.Server.Requests.Count >= requestsBefore + 2, "the cmdlet and the engine entry point should each have queried the emulator");
    }

    [Fact]
    public void Without_the_resolver_the_engine_loaded_next_to_the_older_MSAL_cannot_load_its_own()
    {
        var result = RunHost(isolate: false);

        Assert.Equal("failed", result.GetValueOrDefault("outcome"));
        var error = result["error"];
        // The default context already holds Microsoft.Identity.Client 4.61.3 and cannot take a second version.
        Assert.StartsWith("System.IO.FileLoadException: Could not load file or assembly 'Microsoft.Identity.Client, Version=" + PackagedVersion("Microsoft.Identity.Client"), error, StringComparison.Ordinal);
        Assert.Contains("0x80131040", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("dependencies", "Microsoft.Identity.Client.dll"), error, StringComparison.Ordinal);
        Assert.False(result.ContainsKey("rows"));
        Assert.Equal(OtherModuleMsal, result["default-context-msal"]);
    }

    private static string PackagedVersion(string assembly) =>
        AssemblyName.GetAssemblyName(Path.Combine(PackagedModule.Current.DependencyDirectory, assembly + ".dll")).Version!.ToString();

    private Dictionary<string, string> RunHost(bool isolate)
    {
        var host = RepoPaths.Combine("tests", "PartnerReferrals.IsolationHost", "bin", PackagedModule.Configuration, "net10.0", "PartnerReferrals.IsolationHost.dll");
        Assert.True(File.Exists(host), "isolation host not built: " + host);
        List<string> arguments =
        [
            host,
            "--module", PackagedModule.Current.ModuleDirectory,
            "--emulator-file", emulator.PublishFile,
            "--client-id", Guid.NewGuid().ToString(),
        ];
        if (!isolate)
        {
            arguments.Add("--no-isolation");
        }

        var (exitCode, output) = ProcessRunner.Run("dotnet", arguments, TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
    }

    /// <summary>An emulator in this process that the host process reaches through the file it publishes.</summary>
    public sealed class Emulator : IAsyncLifetime
    {
        public const int ReferralCount = 700;

        public EmulatorServer Server { get; private set; } = null!;

        public string PublishFile { get; } = Path.Combine(Path.GetTempPath(), $"partnerreferrals-isolation-{Guid.NewGuid():N}.json");

        public async Task InitializeAsync() =>
            Server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = ReferralCount, Seed = 23, PublishFile = PublishFile });

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            File.Delete(PublishFile);
        }
    }
}
