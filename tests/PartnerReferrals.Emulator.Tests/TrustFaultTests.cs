using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>The faults the module's trust tests need, each seen from a plain HttpClient on a server of its own (a shift changes the data for good).</summary>
public sealed class TrustFaultTests
{
    private static async Task<(EmulatorServer Server, HttpClient Client)> StartAsync(int referrals, Action<EmulatorOptions> configure)
    {
        var options = new EmulatorOptions { ReferralCount = referrals, Seed = 3 };
        configure(options);
        var server = await EmulatorServer.StartAsync(options);
        return (server, EmulatorHttp.Client(server, server.Tokens.IssueUserToken(TimeSpan.FromHours(1))));
    }

    private static async Task<JsonElement> PageAsync(HttpClient client, int top, int skip)
    {
        using var response = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", top.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string[] Ids(JsonElement page) => page.GetProperty("Value").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task A_cycling_next_link_points_back_at_the_first_page()
    {
        var (server, client) = await StartAsync(100, o => o.Faults.CycleNextLinkAtPage = 2);
        await using (server)
        using (client)
        {
            Assert.EndsWith("skip=10", (await PageAsync(client, 10, 0)).GetProperty("@nextLink").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("skip=0", (await PageAsync(client, 10, 10)).GetProperty("@nextLink").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Total_count_can_be_left_out()
    {
        var (server, client) = await StartAsync(100, o => o.Faults.OmitTotalCount = true);
        await using (server)
        using (client)
        {
            var page = await PageAsync(client, 10, 0);
            Assert.False(page.TryGetProperty("TotalCount", out _));
            Assert.NotNull(page.GetProperty("@nextLink").GetString());
        }
    }

    [Fact]
    public async Task An_insert_after_n_requests_pushes_every_row_back()
    {
        var (server, client) = await StartAsync(100, o => o.Shift = new DataShift(DataShiftKind.Insert, 25, 1));
        await using (server)
        using (client)
        {
            var before = await PageAsync(client, 10, 0);
            var after = await PageAsync(client, 10, 25);
            Assert.Equal(100, before.GetProperty("TotalCount").GetInt32());
            Assert.Equal(125, after.GetProperty("TotalCount").GetInt32());
            Assert.Equal(Ids(before), Ids(after));
        }
    }

    [Fact]
    public async Task A_delete_after_n_requests_pulls_every_row_forward()
    {
        var (server, client) = await StartAsync(100, o => o.Shift = new DataShift(DataShiftKind.Delete, 10, 1));
        await using (server)
        using (client)
        {
            var second = Ids(await PageAsync(client, 10, 10));
            var first = await PageAsync(client, 10, 0);
            Assert.Equal(90, first.GetProperty("TotalCount").GetInt32());
            Assert.Equal(second, Ids(first));
        }
    }

    [Fact]
    public async Task A_move_keeps_the_count_and_brings_the_last_rows_to_the_front()
    {
        var (server, client) = await StartAsync(100, o => o.Shift = new DataShift(DataShiftKind.Move, 10, 1));
        await using (server)
        using (client)
        {
            var last = Ids(await PageAsync(client, 10, 90));
            var first = await PageAsync(client, 10, 0);
            Assert.Equal(100, first.GetProperty("TotalCount").GetInt32());
            Assert.Equal(last.Order(StringComparer.Ordinal), Ids(first));
        }
    }

    [Fact]
    public async Task Requests_after_n_fail_with_the_chosen_status()
    {
        var (server, client) = await StartAsync(100, o =>
        {
            o.Faults.FailAfterRequests = 2;
            o.Faults.FailStatus = 404;
        });
        await using (server)
        using (client)
        {
            await PageAsync(client, 10, 0);
            await PageAsync(client, 10, 10);
            using var third = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "10"), ("skip", "20")));
            Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
            Assert.Equal(404, JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        }
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("https://evil.example/cb")]
    [InlineData("http://user@localhost:1234/")]
    [InlineData("msalc://auth")]
    public async Task Authorize_sends_a_code_only_to_a_loopback_redirect_uri(string redirectUri)
    {
        var (server, _) = await StartAsync(1, _ => { });
        await using (server)
        {
            using var browser = EmulatorHttp.Client(server, followRedirects: false);
            using var response = await browser.GetAsync(new Uri(server.Authority,
                "oauth2/v2.0/authorize?client_id=c&response_type=code&scope=openid&state=s&code_challenge=abc&code_challenge_method=S256&redirect_uri=" + Uri.EscapeDataString(redirectUri)));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
        }
    }
}
