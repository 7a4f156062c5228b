using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

public class ErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("filter=status eq", "position 10: expected a quoted string or null but found the end of the filter")]
    [InlineData("filter=status eq 'Won' and", "position 20: expected a field name")]
    [InlineData("filter=status eq 'Won", "no closing quote")]
    [InlineData("filter=(status eq 'Won'", "expected ')'")]
    [InlineData("filter=colour eq 'red'", "unknown field 'colour'")]
    [InlineData("filter=status gt 'A'", "operator 'gt' is not supported on 'status'")]
    [InlineData("filter=contains(status,'A')", "contains() works on name fields only")]
    [InlineData("filter=startswith(customerName,'A')", "function 'startswith' is not supported")]
    [InlineData("filter=createdDate gt 'yesterday'", "'yesterday' is not a date")]
    [InlineData("filter=createdDate gt 5", "expected a date")]
    [InlineData("filter=status eq true", "cannot be compared with a boolean")]
    [InlineData("filter=status eq cast('2018-01-01', Edm.DateTimeOffset)", "text field")]
    [InlineData("filter=status eq 'Won' xor status eq 'Lost'", "position 17: expected 'and', 'or' or the end of the filter but found 'xor'")]
    [InlineData("filter=status ~ 'Won'", "unexpected character '~'")]
    [InlineData("groupby=colour", "unknown field 'colour'")]
    [InlineData("groupby=status,,createdDate", "empty")]
    [InlineData("groupby=status,status", "listed twice")]
    [InlineData("aggregationLevel=week", "requires groupby")]
    [InlineData("groupby=createdDate&aggregationLevel=year", "Invalid aggregationLevel 'year'")]
    [InlineData("top=0", "Invalid top '0'")]
    [InlineData("top=10001", "Invalid top '10001'")]
    [InlineData("top=ten", "Invalid top 'ten'")]
    [InlineData("top=1.5", "Invalid top")]
    [InlineData("skip=-1", "Invalid skip '-1'")]
    [InlineData("skip=99999999999", "Invalid skip")]
    [InlineData("top=1&top=2", "given 2 times")]
    public async Task Bad_queries_get_400_with_the_documented_body(string query, string expected)
    {
        var (status, body) = await fixture.GetJsonAsync("partner/v1/analytics/referrals?" + query.Replace(" ", "%20", StringComparison.Ordinal));
        Assert.Equal(400, status);
        AssertDocumentedBody(body, 3000);
        Assert.Contains(expected, body.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> Unauthorized() => new()
    {
        { "missing", null },
        { "not bearer", "Basic dXNlcjpwYXNz" },
        { "not a jwt", "Bearer abc.def" },
        { "garbage", "Bearer !!!" },
    };

    [Theory]
    [MemberData(nameof(Unauthorized))]
    public async Task Requests_without_a_usable_token_get_401_with_a_bearer_challenge(string _, string? authorization)
    {
        using var client = EmulatorHttp.Client(fixture.Server);
        using var request = new HttpRequestMessage(HttpMethod.Get, EmulatorHttp.ReferralsUrl());
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        await AssertUnauthorizedAsync(client, request);
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_gets_401()
    {
        var token = fixture.Server.Tokens.IssueUserToken();
        var forged = token[..(token.LastIndexOf('.') + 1)] + "AAAA" + token[(token.LastIndexOf('.') + 5)..];
        using var client = EmulatorHttp.Client(fixture.Server, forged);
        await AssertUnauthorizedAsync(client, new HttpRequestMessage(HttpMethod.Get, EmulatorHttp.ReferralsUrl()));
    }

    [Fact]
    public async Task A_token_of_another_emulator_instance_gets_401()
    {
        await using var other = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = 1 });
        using var client = EmulatorHttp.Client(fixture.Server, other.Tokens.IssueUserToken());
        await AssertUnauthorizedAsync(client, new HttpRequestMessage(HttpMethod.Get, EmulatorHttp.ReferralsUrl()));
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        using var client = EmulatorHttp.Client(fixture.Server, fixture.Server.Tokens.IssueExpiredToken());
        await AssertUnauthorizedAsync(client, new HttpRequestMessage(HttpMethod.Get, EmulatorHttp.ReferralsUrl()));
    }

    [Fact]
    public async Task An_app_only_token_gets_403()
    {
        using var client = EmulatorHttp.Client(fixture.Server, fixture.Server.Tokens.IssueAppOnlyToken());
        using var response = await client.GetAsync(EmulatorHttp.ReferralsUrl());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertDocumentedBody(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, 403);
    }

    [Fact]
    public async Task Responses_echo_request_ids_and_the_log_keeps_headers_but_never_the_token()
    {
        var requestId = Guid.NewGuid().ToString();
        var correlationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, EmulatorHttp.ReferralsUrl(("top", "1"), ("marker", requestId)));
        request.Headers.Add("MS-RequestId", requestId);
        request.Headers.Add("MS-CorrelationId", correlationId);
        request.Headers.Add("MS-PartnerCenter-Application", "PartnerReferrals tests");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PartnerReferralsTests", "1.0"));
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(requestId, response.Headers.GetValues("MS-RequestId").Single());
        Assert.Equal(correlationId, response.Headers.GetValues("MS-CorrelationId").Single());
        Assert.NotEmpty(response.Headers.GetValues("MS-CV").Single());
        Assert.NotEmpty(response.Headers.GetValues("MS-ServerId").Single());
        var logged = fixture.Server.Requests.Single(r => r.PathAndQuery.Contains(requestId, StringComparison.Ordinal));
        Assert.Equal(200, logged.StatusCode);
        Assert.Equal(correlationId, logged.Header("ms-correlationid"));
        Assert.Equal("PartnerReferrals tests", logged.Header("MS-PartnerCenter-Application"));
        Assert.StartsWith("PartnerReferralsTests/1.0", logged.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Null(logged.Header("Authorization"));
    }

    [Fact]
    public async Task Without_ids_the_response_carries_new_guids()
    {
        using var response = await fixture.Client.GetAsync(EmulatorHttp.ReferralsUrl(("top", "1")));
        Assert.True(Guid.TryParse(response.Headers.GetValues("MS-RequestId").Single(), out _));
        Assert.True(Guid.TryParse(response.Headers.GetValues("MS-CorrelationId").Single(), out _));
    }

    [Theory]
    [InlineData("GET", "partner/v1/analytics/referral", 404)]
    [InlineData("GET", "partner/v1/analytics/referrals/123", 404)]
    [InlineData("POST", "partner/v1/analytics/referrals", 405)]
    public async Task Other_paths_and_methods_get_the_documented_body(string method, string path, int status)
    {
        using var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(status, (int)response.StatusCode);
        AssertDocumentedBody(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, status);
    }

    private static async Task AssertUnauthorizedAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            AssertDocumentedBody(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, 401);
        }
    }

    internal static void AssertDocumentedBody(JsonElement body, int code)
    {
        Assert.Equal(["code", "description", "data", "source"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("description").GetString()));
        Assert.Equal(0, body.GetProperty("data").GetArrayLength());
        Assert.Equal("PartnerFD", body.GetProperty("source").GetString());
    }
}
