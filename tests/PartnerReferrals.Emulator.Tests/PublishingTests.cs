using System.Security.Cryptography;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

public sealed class PublishingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emulator-publish-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_published_file_describes_the_server_and_is_removed_on_dispose()
    {
        var file = Path.Combine(folder, "sub", "emulator.json");
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, PublishFile = file });
        await using (server)
        {
            var json = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            Assert.Equal(["baseUrl", "authority", "tenantId", "certificateThumbprint", "processId", "processStartTime"], json.EnumerateObject().Select(p => p.Name));
            Assert.Equal(server.BaseAddress.ToString(), json.GetProperty("baseUrl").GetString());
            Assert.Equal(server.Authority.ToString(), json.GetProperty("authority").GetString());
            Assert.Equal(server.TenantId, json.GetProperty("tenantId").GetString());
            Assert.Equal(server.CertificateThumbprint, json.GetProperty("certificateThumbprint").GetString());
            Assert.Equal(Environment.ProcessId, json.GetProperty("processId").GetInt32());
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            Assert.True(Math.Abs((json.GetProperty("processStartTime").GetDateTime().ToUniversalTime() - self.StartTime.ToUniversalTime()).TotalSeconds) < 2);
        }

        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task The_certificate_is_kept_between_runs_readable_by_its_owner_only()
    {
        var pfx = Path.Combine(folder, "emulator.pfx");
        string first;
        await using (var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, CertificateFile = pfx }))
        {
            first = server.CertificateThumbprint;
            Assert.Equal(server.Certificate.GetCertHashString(HashAlgorithmName.SHA256), first);
            Assert.Matches("^[0-9A-F]{64}$", first);
            Assert.Equal("https", server.BaseAddress.Scheme);
            Assert.Equal("127.0.0.1", server.BaseAddress.Host);
            Assert.Equal(new Uri(server.BaseAddress, server.TenantId + "/"), server.Authority);
        }

        await using (var again = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, CertificateFile = pfx }))
        {
            Assert.Equal(first, again.CertificateThumbprint);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pfx));
        }
    }

    [Fact]
    public async Task Disposing_frees_the_port()
    {
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1 });
        var port = server.BaseAddress.Port;
        await server.DisposeAsync();
        await using var again = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1, Port = port });
        Assert.Equal(port, again.BaseAddress.Port);
    }

    [Fact]
    public void The_publish_path_honours_the_environment_variable()
    {
        Assert.EndsWith(Path.Combine("PartnerReferrals", "emulator", "emulator.pfx"), EmulatorPaths.CertificateFile, StringComparison.Ordinal);
        var custom = Environment.GetEnvironmentVariable(EmulatorPaths.PublishFileVariable);
        Assert.Equal(custom is { Length: > 0 } ? custom : Path.Combine(EmulatorPaths.DataFolder, "emulator.json"), EmulatorPaths.PublishFile);
    }
}
