using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Each injected fault is observable from a plain HttpClient. The class has its own server, and xunit runs a
/// class's tests one at a time, so flipping the live settings here affects no other test.
/// </summary>
public sealed class FaultTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private FaultSettings Faults => fixture.Server.Faults;

    public void Dispose()
    {
        Faults.Latency = TimeSpan.Zero;
        Faults.ThrottleRatio = 0;
        Faults.RetryAfterAsDate = false;
        Faults.RetryAfterSeconds = 1;
        Faults.ServerErrorRatio = 0;
        Faults.DropConnectionRatio = 0;
        Faults.TruncateBodyRatio = 0;
        Faults.TokenLifetimeOverride = null;
    }

    [Fact]
    public async Task Latency_delays_every_request()
    {
        Faults.Latency = TimeSpan.FromMilliseconds(400);
        var clock = Stopwatch.StartNew();
        using var response = await fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 390, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Throttling_answers_429_with_retry_after_seconds_and_the_documented_body()
    {
        Faults.ThrottleRatio = 1;
        Faults.RetryAfterSeconds = 57;
        using var response = await fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl());
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(57), response.Headers.RetryAfter!.Delta);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("Rate limit is exceeded. Try again in 57 seconds.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Throttling_can_send_retry_after_as_an_http_date()
    {
        Faults.ThrottleRatio = 1;
        Faults.RetryAfterSeconds = 30;
        Faults.RetryAfterAsDate = true;
        using var response = await fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl());
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var date = response.Headers.RetryAfter!.Date;
        Assert.NotNull(date);
        Assert.InRange((date!.Value - DateTimeOffset.UtcNow).TotalSeconds, 25, 31);
    }

    [Fact]
    public async Task Server_errors_answer_500_or_503_with_the_documented_body()
    {
        Faults.ServerErrorRatio = 1;
        var seen = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl());
            seen.Add(response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            ErrorTests.AssertDocumentedBody(body, (int)response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable], seen.Order());
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_request()
    {
        Faults.DropConnectionRatio = 1;
        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl()));
        Assert.Contains(fixture.Server.Requests, r => r.Fault == "drop" && r.StatusCode == 0);
    }

    [Fact]
    public async Task A_truncated_body_fails_while_reading_it()
    {
        Faults.TruncateBodyRatio = 1;
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "500")), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Content.Headers.ContentLength);
            await response.Content.ReadAsByteArrayAsync();
        });
        Assert.True(error is HttpRequestException or IOException, $"got {error}");
    }

    [Fact]
    public async Task Ratios_between_zero_and_one_fault_some_requests_only()
    {
        Faults.ServerErrorRatio = 0.5;
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
            statuses.Add((int)response.StatusCode);
        }

        Assert.Contains(200, statuses);
        Assert.Contains(statuses, s => s >= 500);
    }

    [Fact]
    public async Task A_token_lifetime_override_shortens_newly_issued_tokens()
    {
        // Long enough for the first request on a busy machine, short enough to wait out.
        Faults.TokenLifetimeOverride = TimeSpan.FromSeconds(3);
        using var client = EmulatorHttp.Client(fixture.Server, fixture.Server.Tokens.IssueUserToken());
        using (var fresh = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1"))))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        await Task.Delay(4100);
        using var stale = await client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);

        // The token endpoint honours it too.
        using var tokenResponse = await client.PostAsync(new Uri(fixture.Server.Authority, "oauth2/v2.0/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = MsalApps.ClientId,
            ["client_secret"] = "emulator-client-secret",
            ["scope"] = MsalApps.AppScopes[0],
        }));
        Assert.Equal(3, JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("expires_in").GetInt32());
    }
}
