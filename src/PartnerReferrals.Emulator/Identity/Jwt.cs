using System;
using System.Buffers.Text;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>The few JWT operations the emulator needs: build and HS256-sign, split and read, check an HS256 signature.</summary>
internal static class Jwt
{
    public static string CreateHs256(JsonObject payload, byte[] key, string keyId)
    {
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "HS256", ["kid"] = keyId };
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Splits a compact JWT into its parts; false when it is not three base64url parts holding JSON objects.</summary>
    public static bool TryRead(string token, out JwtParts parts)
    {
        parts = default;
        var segments = token.Split('.');
        if (segments.Length != 3 || segments[0].Length == 0 || segments[1].Length == 0)
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[0]));
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[1]));
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            parts = new JwtParts(
                header.RootElement.Clone(),
                payload.RootElement.Clone(),
                Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]),
                Base64Url.DecodeFromChars(segments[2]));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    public static bool HasValidHs256Signature(JwtParts parts, byte[] key) =>
        parts.Header.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String && alg.GetString() == "HS256"
        && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, parts.SigningInput), parts.Signature);

    public static string Base64UrlJson(JsonObject value) => Encode(value);

    private static string Encode(JsonNode node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));
}

/// <summary>A JWT taken apart: its header and payload, and what its signature covers.</summary>
internal readonly record struct JwtParts(JsonElement Header, JsonElement Payload, byte[] SigningInput, byte[] Signature)
{
    public string? HeaderString(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? ClaimString(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>True when a claim is <paramref name="value"/> or an array holding it (as <c>amr</c> is).</summary>
    public bool ClaimHolds(string name, string value)
    {
        if (!Payload.TryGetProperty(name, out var claim))
        {
            return false;
        }

        return claim.ValueKind == JsonValueKind.Array
            ? claim.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.String && item.GetString() == value)
            : claim.ValueKind == JsonValueKind.String && claim.GetString() == value;
    }

    /// <summary>
    /// A NumericDate claim. MSAL.NET writes its client assertions' nbf and exp as strings ("1795256540"), which
    /// AAD accepts, so both forms are read.
    /// </summary>
    public long? ClaimSeconds(string name)
    {
        if (!Payload.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds))
        {
            return seconds;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seconds)
            ? seconds
            : null;
    }
}
