using System.Net.Http;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>No input, however broken, makes the emulator answer 5xx or hang: every rejection is a 4xx.</summary>
public class FuzzTests(FuzzTests.SmallData fixture) : IClassFixture<FuzzTests.SmallData>
{
    /// <summary>Few rows: the fuzz is about parsing, and thousands of full pages would only cost time.</summary>
    public sealed class SmallData : ServerFixture
    {
        protected override EmulatorOptions Options => new() { ReferralCount = 300, Seed = 5 };
    }

    [Fact]
    public async Task Random_and_malicious_query_strings_never_yield_a_5xx()
    {
        var fuzzer = new QueryFuzzer(4242);
        var queries = Enumerable.Range(0, 3000).Select(_ => fuzzer.Next()).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (query, _) =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                using var response = await fixture.Client.GetAsync(
                    new Uri(fixture.Server.BaseAddress, "partner/v1/analytics/referrals?" + query), timeout.Token);
                await response.Content.ReadAsByteArrayAsync(timeout.Token);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} for {query[..Math.Min(query.Length, 300)]}");
                }
            }
            catch (OperationCanceledException)
            {
                failures.Add("timed out: " + query[..Math.Min(query.Length, 300)]);
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public async Task Random_sign_in_requests_never_yield_a_5xx()
    {
        var fuzzer = new QueryFuzzer(77);
        var random = new Random(77);
        string[] paths = ["oauth2/v2.0/token", "oauth2/v2.0/devicecode"];
        string[] tenants = ["common", "organizations", "consumers", fixture.Server.TenantId, "x%20y"];
        string[] fields = ["grant_type", "client_id", "device_code", "refresh_token", "code", "code_verifier", "redirect_uri", "scope",
            "client_secret", "client_assertion", "client_assertion_type"];
        string[] values = ["device_code", "refresh_token", "authorization_code", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code",
            "", "x", "eyJhbGciOiJIUzI1NiJ9.eyJ9.x", "a.b.c", "https://api.partnercenter.microsoft.com/.default", "openid", "😀", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"];
        var failures = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var tenant = tenants[random.Next(tenants.Length)];
            using var response = random.Next(3) == 0
                ? await fixture.Client.GetAsync(new Uri(fixture.Server.BaseAddress, $"{tenant}/oauth2/v2.0/authorize?{fuzzer.Next()}"))
                : await fixture.Client.PostAsync(new Uri(fixture.Server.BaseAddress, $"{tenant}/{paths[random.Next(paths.Length)]}"),
                    new FormUrlEncodedContent(Enumerable.Range(0, random.Next(0, 6)).Select(_ =>
                        new KeyValuePair<string, string>(fields[random.Next(fields.Length)], values[random.Next(values.Length)]))));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} at {response.RequestMessage!.RequestUri}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }
}
