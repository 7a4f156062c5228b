using System.Text;
using System.Text.Json;
using Microsoft.Identity.Client;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Reads what MSAL keeps in its token cache after each change, as a module that hands the newest refresh token back
/// would: MSAL's own serialized cache (MSAL v3 JSON), where each refresh token's value is its <c>secret</c>.
/// </summary>
internal sealed class MsalTokenCacheSpy
{
    private string json = "{}";

    public MsalTokenCacheSpy(ITokenCache cache) => cache.SetAfterAccess(args =>
    {
        if (args.HasStateChanged)
        {
            json = Encoding.UTF8.GetString(args.TokenCache.SerializeMsalV3());
        }
    });

    public IReadOnlyList<string> RefreshTokens
    {
        get
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("RefreshToken", out var tokens)
                ? tokens.EnumerateObject().Select(t => t.Value.GetProperty("secret").GetString()!).ToList()
                : [];
        }
    }
}
