using System.Buffers.Text;
using System.Text.Json;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>Reads an access token's claims, as the module reads <c>amr</c> after signing in.</summary>
internal static class AccessTokens
{
    public static JsonElement Claims(string accessToken)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(accessToken.Split('.')[1]));
        return document.RootElement.Clone();
    }

    public static string[] Amr(string accessToken) =>
        Claims(accessToken).TryGetProperty("amr", out var amr) ? amr.EnumerateArray().Select(m => m.GetString()!).ToArray() : [];
}
