using System.Net.Http;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// The secure application model's one-time consent: a device-code sign-in whose refresh token automation keeps.
/// MSAL does not hand out refresh tokens, so this step talks to the endpoints directly.
/// </summary>
internal static class Consent
{
    public static async Task<string> RefreshTokenAsync(EmulatorServer server)
    {
        using var client = EmulatorHttp.Client(server);
        var scope = MsalApps.Scopes[0] + " offline_access openid profile";
        using var start = await client.PostAsync(new Uri(server.Authority, "oauth2/v2.0/devicecode"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = MsalApps.ClientId, ["scope"] = scope }));
        var deviceCode = JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement.GetProperty("device_code").GetString()!;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var poll = await client.PostAsync(new Uri(server.Authority, "oauth2/v2.0/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = MsalApps.ClientId,
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
                ["device_code"] = deviceCode,
            }));
            var body = JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
            if (poll.IsSuccessStatusCode)
            {
                return body.GetProperty("refresh_token").GetString()!;
            }

            Assert.Equal("authorization_pending", body.GetProperty("error").GetString());
        }

        throw new InvalidOperationException("the device code was never approved");
    }

    /// <summary>Redeems a refresh token without MSAL and returns the token endpoint's JSON answer and status.</summary>
    public static async Task<(int Status, JsonElement Body)> RedeemAsync(EmulatorServer server, string refreshToken)
    {
        using var client = EmulatorHttp.Client(server);
        using var response = await client.PostAsync(new Uri(server.Authority, "oauth2/v2.0/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = MsalApps.ClientId,
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["scope"] = MsalApps.Scopes[0] + " offline_access openid profile",
        }));
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
