using System.Diagnostics;
using System.Text.Json;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.SignIn;

namespace PartnerReferrals.Engine.Tests.Trust;

public sealed class EmulatorFileTests : IDisposable
{
    private const string Thumbprint = "3F2A9C0D1E4B5A6978C0D1E2F3A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "pr-emulator-file-" + Guid.NewGuid().ToString("N"));

    public EmulatorFileTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static DateTime OwnStart()
    {
        using var self = Process.GetCurrentProcess();
        return self.StartTime.ToUniversalTime();
    }

    private string Write(string baseUrl = "https://127.0.0.1:5001/", string authority = "https://127.0.0.1:5001/tenant/", string thumbprint = Thumbprint, DateTime? started = null)
    {
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            baseUrl,
            authority,
            tenantId = "tenant",
            certificateThumbprint = thumbprint,
            processId = Environment.ProcessId,
            processStartTime = (started ?? OwnStart()).ToString("o"),
        }));
        return file;
    }

    private static PartnerReferralsException Refused(string file) =>
        Assert.Throws<PartnerReferralsException>(() => EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Emulator, EmulatorFile = file }));

    [Fact]
    public void A_good_file_is_accepted_with_its_pin()
    {
        var endpoints = EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Emulator, EmulatorFile = Write() });
        Assert.Equal(Thumbprint, endpoints.Pin!.Thumbprint);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001/", "https://127.0.0.1:5001/tenant/", "baseUrl")]
    [InlineData("https://127.0.0.1:5001/", "http://127.0.0.1:5001/tenant/", "authority")]
    public void An_http_address_in_the_file_is_refused_naming_the_file(string baseUrl, string authority, string field)
    {
        var file = Write(baseUrl, authority);
        var error = Refused(file);
        Assert.Equal("PartnerReferrals.Session.InsecureUrl", error.ErrorId);
        Assert.Equal("EmulatorFile", error.ParameterName);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_authority_is_named_not_the_local_base_url()
    {
        var error = Refused(Write(authority: "https://login.evil.example/tenant/"));
        Assert.Equal("PartnerReferrals.Session.EmulatorNotLocal", error.ErrorId);
        Assert.Contains("login.evil.example", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_thumbprint_is_a_clear_error_naming_the_file()
    {
        var file = Write(thumbprint: "not-a-thumbprint");
        var error = Refused(file);
        Assert.Equal("PartnerReferrals.Session.EmulatorFileInvalid", error.ErrorId);
        Assert.Contains("not-a-thumbprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_process_that_started_at_another_time_is_not_the_emulator()
    {
        // The id is this test's own (alive), but the start time is another process's: the id was reused.
        var error = Refused(Write(started: OwnStart().AddHours(-3)));
        Assert.Equal("PartnerReferrals.Session.EmulatorNotFound", error.ErrorId);
        Assert.Contains("stale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_refuses_plain_http_for_the_api_and_the_authority()
    {
        var api = Assert.Throws<PartnerReferralsException>(() => EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Custom, BaseUrl = new Uri("http://pc.example"), Authority = new Uri("https://login.example") }));
        Assert.Equal("PartnerReferrals.Session.InsecureUrl", api.ErrorId);
        Assert.Equal("BaseUrl", api.ParameterName);

        var authority = Assert.Throws<PartnerReferralsException>(() => EnvironmentEndpoints.Resolve(new ConnectRequest { Environment = PartnerEnvironment.Custom, BaseUrl = new Uri("https://pc.example"), Authority = new Uri("http://login.example") }));
        Assert.Equal("Authority", authority.ParameterName);
    }
}
