using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>The sign-in endpoints' own rules and error shapes, seen without MSAL.</summary>
public class SignInEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private Uri Token => new(fixture.Server.Authority, "oauth2/v2.0/token");

    [Fact]
    public async Task Errors_have_the_shape_aad_writes()
    {
        using var client = EmulatorHttp.Client(fixture.Server);
        using var response = await client.PostAsync(Token, Form(("grant_type", "refresh_token"), ("client_id", "x"), ("refresh_token", "nope")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS50173:", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(50173, body.GetProperty("error_codes")[0].GetInt32());
        Assert.True(Guid.TryParse(body.GetProperty("trace_id").GetString(), out _));
        Assert.True(Guid.TryParse(body.GetProperty("correlation_id").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("timestamp").GetString()));
    }

    [Theory]
    [InlineData("consumers", "90002")]
    [InlineData("contoso.onmicrosoft.com", "90002")]
    public async Task Unknown_tenants_are_refused(string tenant, string code)
    {
        using var client = EmulatorHttp.Client(fixture.Server);
        using var response = await client.PostAsync(new Uri(fixture.Server.BaseAddress, tenant + "/oauth2/v2.0/token"),
            Form(("grant_type", "client_credentials"), ("client_id", "x")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("AADSTS" + code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_credentials_need_a_secret_or_an_assertion()
    {
        using var client = EmulatorHttp.Client(fixture.Server);
        using var response = await client.PostAsync(Token, Form(("grant_type", "client_credentials"), ("client_id", "x"),
            ("scope", "https://api.partnercenter.microsoft.com/.default")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("AADSTS7000218", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_resource_is_an_invalid_scope()
    {
        using var client = EmulatorHttp.Client(fixture.Server);
        using var response = await client.PostAsync(new Uri(fixture.Server.Authority, "oauth2/v2.0/devicecode"),
            Form(("client_id", "x"), ("scope", "https://graph.microsoft.com/User.Read")));
        Assert.Equal("invalid_scope", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_pkce_verifier_is_refused()
    {
        using var browser = EmulatorHttp.Client(fixture.Server, followRedirects: false);
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData("right-verifier-right-verifier-right-verifier"u8));
        using var authorize = await browser.GetAsync(new Uri(fixture.Server.Authority,
            $"oauth2/v2.0/authorize?client_id=c&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A1234%2F&scope=openid&state=s1&code_challenge={challenge}&code_challenge_method=S256"));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!;
        Assert.Equal("localhost", location.Host);
        Assert.Contains("state=s1", location.Query, StringComparison.Ordinal);
        var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"]!;

        using var response = await browser.PostAsync(Token, Form(("grant_type", "authorization_code"), ("client_id", "c"), ("code", code),
            ("redirect_uri", "http://localhost:1234/"), ("code_verifier", "wrong-verifier-wrong-verifier-wrong-verifier")));
        Assert.Contains("AADSTS501481", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_shows_one_button_that_approves()
    {
        using var browser = EmulatorHttp.Client(fixture.Server, followRedirects: false);
        var query = "client_id=c&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A1234%2F&scope=openid&state=s2&code_challenge=abc&code_challenge_method=S256";
        using var page = await browser.GetAsync(new Uri(fixture.Server.Authority, "oauth2/v2.0/authorize?emulator_page=1&" + query));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<button type=\"submit\">Sign in</button>", html, StringComparison.Ordinal);

        using var approved = await browser.GetAsync(new Uri(fixture.Server.Authority, "oauth2/v2.0/authorize?emulator_page=1&emulator_approve=1&" + query));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    [Fact]
    public async Task Authorize_errors_go_back_to_the_redirect_uri()
    {
        using var browser = EmulatorHttp.Client(fixture.Server, followRedirects: false);
        using var response = await browser.GetAsync(new Uri(fixture.Server.Authority,
            "oauth2/v2.0/authorize?client_id=c&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A1234%2F&state=s3"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=invalid_request", response.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.Contains("state=s3", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_device_login_page_approves_a_code_at_once()
    {
        using var client = EmulatorHttp.Client(fixture.Server);
        using var start = await client.PostAsync(new Uri(fixture.Server.Authority, "oauth2/v2.0/devicecode"),
            Form(("client_id", "c"), ("scope", "https://api.partnercenter.microsoft.com/user_impersonation offline_access")));
        var device = JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, device.GetProperty("interval").GetInt32());
        var verification = new Uri(device.GetProperty("verification_uri").GetString()!);
        using var page = await client.GetAsync(verification + "?user_code=" + device.GetProperty("user_code").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var poll = await client.PostAsync(Token, Form(("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("client_id", "c"),
            ("device_code", device.GetProperty("device_code").GetString()!)));
        var tokens = JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal("https://api.partnercenter.microsoft.com/user_impersonation", tokens.GetProperty("scope").GetString());
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        Assert.True(tokens.TryGetProperty("client_info", out _));
        Assert.True(tokens.TryGetProperty("id_token", out _));
        Assert.True(tokens.GetProperty("ext_expires_in").GetInt32() > 0);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
