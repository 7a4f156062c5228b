using System.Diagnostics;
using System.Net.Http;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>The shared fault knobs act on the Referrals API too, with its error body, and are logged with the method.</summary>
public sealed class CoSellFaultTests(CoSellFixture fixture) : IClassFixture<CoSellFixture>, IDisposable
{
    private FaultSettings Faults => fixture.Server.Faults;

    public void Dispose()
    {
        Faults.Latency = TimeSpan.Zero;
        Faults.ThrottleRatio = 0;
        Faults.RetryAfterSeconds = 1;
        Faults.ServerErrorRatio = 0;
        Faults.DropConnectionRatio = 0;
        Faults.OmitTotalCount = false;
        Faults.TruncateBodyRatio = 0;
    }

    [Fact]
    public async Task Truncate_cuts_a_read_in_the_middle_and_leaves_writes_whole()
    {
        Faults.TruncateBodyRatio = 1;
        fixture.Server.Requests.Clear();

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.GetAsync(CoSellFixture.List("$top=5")));
        var (status, _, response) = await fixture.PatchAsync(Guid.NewGuid().ToString(), "[]");
        response.Dispose();

        Assert.Equal("truncate", fixture.Server.Requests.First(r => r.Method == "GET").Fault);
        // The PATCH (an empty patch, refused) came back whole, with its status and error body read.
        Assert.Equal(400, status);
        Assert.Null(fixture.Server.Requests.First(r => r.Method == "PATCH").Fault);
    }

    [Fact]
    public async Task No_total_count_leaves_odata_count_out_even_when_asked_for_and_keeps_the_next_links()
    {
        Faults.OmitTotalCount = true;

        var (status, body) = await fixture.GetAsync(CoSellFixture.List("$count=true"));

        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("@odata.count", out _));
        Assert.Equal(100, body.GetProperty("value").GetArrayLength());
        Assert.True(body.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Throttling_answers_429_with_retry_after_and_the_referrals_error_body_and_is_logged_with_the_method()
    {
        Faults.ThrottleRatio = 1;
        Faults.RetryAfterSeconds = 42;
        fixture.Server.Requests.Clear();

        var (status, body, response) = await fixture.PatchAsync(Guid.NewGuid().ToString(), "[]");
        using (response)
        {
            Assert.Equal(429, status);
            Assert.Equal(TimeSpan.FromSeconds(42), response.Headers.RetryAfter!.Delta);
            Assert.Equal("serviceNotAvailable", body.GetProperty("error").GetProperty("code").GetString());
        }

        var logged = Assert.Single(fixture.Server.Requests);
        Assert.Equal(("PATCH", 429, "throttle"), (logged.Method, logged.StatusCode, logged.Fault));
    }

    [Fact]
    public async Task Server_errors_are_500_or_503_before_the_token_is_looked_at()
    {
        Faults.ServerErrorRatio = 1;
        using var anonymous = EmulatorHttp.Client(fixture.Server);

        using var response = await anonymous.GetAsync(CoSellFixture.Collection);

        Assert.Contains((int)response.StatusCode, new[] { 500, 503 });
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_connection_gives_no_response_and_is_logged_as_a_drop()
    {
        Faults.DropConnectionRatio = 1;
        fixture.Server.Requests.Clear();

        await Assert.ThrowsAsync<HttpRequestException>(() => fixture.SendAsync(HttpMethod.Post, CoSellFixture.Collection, "{}"));

        var logged = Assert.Single(fixture.Server.Requests);
        Assert.Equal(("POST", 0, "drop"), (logged.Method, logged.StatusCode, logged.Fault));
    }

    [Fact]
    public async Task Latency_delays_referrals_requests()
    {
        Faults.Latency = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var (status, _) = await fixture.GetAsync(CoSellFixture.List("$top=1"));

        Assert.Equal(200, status);
        Assert.True(clock.ElapsedMilliseconds >= 290, $"took {clock.ElapsedMilliseconds} ms");
    }
}
