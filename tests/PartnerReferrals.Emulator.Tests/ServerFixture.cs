using System.Net.Http;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>One emulator per test class with a signed-in client: starting Kestrel per test would dominate the run time.</summary>
public class ServerFixture : IAsyncLifetime
{
    protected virtual EmulatorOptions Options => new() { ReferralCount = 5000, Seed = 11 };

    public EmulatorServer Server { get; private set; } = null!;

    /// <summary>A client carrying a valid user token.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(Options);
        Client = EmulatorHttp.Client(Server, Server.Tokens.IssueUserToken(TimeSpan.FromHours(2)));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>GETs a referrals URL and parses the body; asserts nothing about the status.</summary>
    public async Task<(int Status, JsonElement Body)> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }
}
