using System;
using System.Text.Json;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Reads the few claims the engine shows or needs (expiry, user, tenant) from a JWT's payload without
/// checking its signature: the API checks that. A token that is not a readable JWT yields nothing.
/// </summary>
internal sealed class JwtClaims
{
    private JwtClaims(DateTimeOffset? expiresOn, string? user, string? tenantId, string? clientId, string? audience, string[]? authenticationMethods)
    {
        Audience = audience;
        AuthenticationMethods = authenticationMethods;
        ExpiresOn = expiresOn;
        User = user;
        TenantId = tenantId;
        ClientId = clientId;
    }

    public DateTimeOffset? ExpiresOn { get; }

    public string? User { get; }

    public string? TenantId { get; }

    public string? ClientId { get; }

    /// <summary>The API the token is for (<c>aud</c>; the first one when it is a list), e.g. <c>https://api.partnercenter.microsoft.com</c>.</summary>
    public string? Audience { get; }

    /// <summary>The <c>amr</c> claim (how the user signed in, such as pwd and mfa); null when the token has none, as app-only tokens.</summary>
    public string[]? AuthenticationMethods { get; }

    public static JwtClaims? TryRead(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            var root = document.RootElement;
            DateTimeOffset? expires = root.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64())
                : null;
            return new JwtClaims(expires, Text(root, "upn") ?? Text(root, "preferred_username") ?? Text(root, "unique_name"), Text(root, "tid"), Text(root, "appid") ?? Text(root, "azp"), AudienceOf(root), Methods(root));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string[]? Methods(JsonElement root)
    {
        if (!root.TryGetProperty("amr", out var amr) || amr.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var methods = new System.Collections.Generic.List<string>();
        foreach (var method in amr.EnumerateArray())
        {
            if (method.ValueKind == JsonValueKind.String)
            {
                methods.Add(method.GetString()!);
            }
        }

        return methods.ToArray();
    }

    private static string? AudienceOf(JsonElement root) =>
        root.TryGetProperty("aud", out var aud) && aud.ValueKind == JsonValueKind.Array
            ? (aud.GetArrayLength() > 0 && aud[0].ValueKind == JsonValueKind.String ? aud[0].GetString() : null)
            : Text(root, "aud");

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        return Convert.FromBase64String(base64);
    }

    public override string ToString() => "JwtClaims(" + User + ")";
}
