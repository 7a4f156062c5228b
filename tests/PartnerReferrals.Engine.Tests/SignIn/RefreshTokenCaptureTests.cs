using System.Net;
using System.Net.Http;
using PartnerReferrals.Engine.Diagnostics;
using PartnerReferrals.Engine.SignIn;
using PartnerReferrals.Engine.Tests.Fakes;
using PartnerReferrals.Engine.Tests.Hosting;

namespace PartnerReferrals.Engine.Tests.SignIn;

/// <summary>The refresh tokens MSAL's token responses carry: the newest is kept, MSAL still reads the whole answer, and each one is masked from then on.</summary>
[Collection(SessionStoreCollection.Name)]
public class RefreshTokenCaptureTests
{
    private static readonly Uri TokenEndpoint = new("https://login.example/tenant/oauth2/v2.0/token");
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_token_response_replaces_the_refresh_token_kept_and_the_answer_still_reaches_MSAL()
    {
        var now = Start;
        var network = new FakeHandler((_, n) => FakeHandler.Json("{\"access_token\":\"at\",\"refresh_token\":\"0.rotated-refresh-token-" + n + "\",\"expires_in\":3600}"));
        var capture = new RefreshTokenCapture(network, () => now);
        using var client = new HttpClient(capture);

        await client.PostAsync(TokenEndpoint, new StringContent("grant_type=device_code"));
        now = Start.AddHours(1);
        using var second = await client.PostAsync(TokenEndpoint, new StringContent("grant_type=refresh_token"));

        Assert.Equal("0.rotated-refresh-token-2", capture.Newest!.Token);
        Assert.Equal(Start.AddHours(1), capture.Newest.IssuedOn);
        Assert.Contains("\"refresh_token\":\"0.rotated-refresh-token-2\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("token " + Redactor.Mask, Redactor.Redact("token 0.rotated-refresh-token-2"));
    }

    [Fact]
    public async Task A_long_chain_of_rotations_takes_one_place_among_the_remembered_secrets()
    {
        Redactor.ForgetSecrets();
        Redactor.RegisterSecret("client-secret-of-the-app");
        var network = new FakeHandler((_, n) => FakeHandler.Json("{\"refresh_token\":\"0.rotated-refresh-token-" + n + "\"}"));
        using var client = new HttpClient(new RefreshTokenCapture(network, () => Start));

        for (var i = 0; i < Redactor.MaxSecrets * 2; i++)
        {
            using var response = await client.PostAsync(TokenEndpoint, new StringContent("grant_type=refresh_token"));
        }

        Assert.Equal(2, Redactor.SecretCount);
        Assert.Equal("secret " + Redactor.Mask, Redactor.Redact("secret client-secret-of-the-app"));
        Redactor.ForgetSecrets();
    }

    [Theory]
    [InlineData("https://login.example/tenant/oauth2/v2.0/token", HttpStatusCode.BadRequest, "{\"error\":\"invalid_grant\",\"refresh_token\":\"0.not-a-grant-at-all\"}")]
    [InlineData("https://login.example/tenant/oauth2/v2.0/token", HttpStatusCode.OK, "{\"access_token\":\"at\",\"token_type\":\"Bearer\"}")]
    [InlineData("https://login.example/tenant/oauth2/v2.0/token", HttpStatusCode.OK, "not json")]
    [InlineData("https://login.example/tenant/oauth2/v2.0/devicecode", HttpStatusCode.OK, "{\"refresh_token\":\"0.not-from-a-token-endpoint\"}")]
    public async Task Answers_that_carry_no_new_refresh_token_leave_the_newest_as_it_was(string url, HttpStatusCode status, string body)
    {
        var network = new FakeHandler((request, n) => n == 1
            ? FakeHandler.Json("{\"refresh_token\":\"0.first-refresh-token\"}")
            : new HttpResponseMessage(status) { Content = new StringContent(body) });
        var capture = new RefreshTokenCapture(network, () => Start);
        using var client = new HttpClient(capture);

        await client.PostAsync(TokenEndpoint, new StringContent("grant_type=device_code"));
        await client.PostAsync(new Uri(url), new StringContent("grant_type=refresh_token"));

        Assert.Equal("0.first-refresh-token", capture.Newest!.Token);
    }
}
