using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>An emulator with a client holding a token for the Referrals API (audience https://api.partner.microsoft.com).</summary>
public class CoSellFixture : IAsyncLifetime
{
    public const string Collection = "v1.0/engagements/referrals";

    protected virtual EmulatorOptions Options => new() { ReferralCount = 10, CoSellReferralCount = 450, Seed = 5 };

    public EmulatorServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(Options);
        Client = EmulatorHttp.Client(Server, Server.Tokens.IssueCoSellUserToken(TimeSpan.FromHours(2)));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Sends a request and parses its body (null when empty); asserts nothing.</summary>
    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string url, string? json = null, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return ((int)response.StatusCode, document.RootElement.Clone(), response);
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string url)
    {
        var (status, body, response) = await SendAsync(HttpMethod.Get, url);
        response.Dispose();
        return (status, body);
    }

    /// <summary>Every referral a list query returns, following @odata.nextLink as given; also the number of pages.</summary>
    public async Task<(List<JsonElement> Items, int Pages)> ListAllAsync(string url)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            var (status, body) = await GetAsync(next);
            Assert.Equal(200, status);
            pages++;
            items.AddRange(body.GetProperty("value").EnumerateArray());
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return (items, pages);
    }

    public static string List(string query) => Collection + "?" + query;

    public static string Item(string id) => Collection + "/" + id;

    /// <summary>The first stored referral that <paramref name="match"/> accepts, as stored now.</summary>
    public System.Text.Json.Nodes.JsonObject Find(Func<System.Text.Json.Nodes.JsonObject, bool> match) => Server.CoSellReferrals.First(match);

    public static bool Is(System.Text.Json.Nodes.JsonObject referral, string direction, string status) =>
        (string?)referral["direction"] == direction && (string?)referral["status"] == status;

    public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> PatchAsync(string id, string patch, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Patch, Item(id), patch, "application/json", headers);
}

/// <summary>The same with the signed-in user holding the Referrals User role.</summary>
public sealed class CoSellUserFixture : CoSellFixture
{
    protected override EmulatorOptions Options => new() { ReferralCount = 10, CoSellReferralCount = 450, Seed = 5, CoSellRole = CoSellRole.User };
}

/// <summary>A user with neither Referrals role (choice 15).</summary>
public sealed class CoSellNoRoleFixture : CoSellFixture
{
    protected override EmulatorOptions Options => new() { ReferralCount = 10, CoSellReferralCount = 20, Seed = 5, CoSellRole = CoSellRole.None };
}

/// <summary>A Referrals User who may update the referrals of their teams (choice 14's switch).</summary>
public sealed class CoSellUpdatingUserFixture : CoSellFixture
{
    protected override EmulatorOptions Options => new() { ReferralCount = 10, CoSellReferralCount = 100, Seed = 5, CoSellRole = CoSellRole.User, CoSellUserMayUpdate = true };
}
