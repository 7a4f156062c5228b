using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Builds token responses the way AAD's v2.0 endpoint does. What MSAL.NET 4.92 makes of them (checked by removing
/// each part): <c>access_token</c>, <c>token_type</c> and <c>expires_in</c> are required; without <c>id_token</c>
/// the account has no user name or tenant (the module shows both); <c>client_info</c> (base64url JSON
/// {"uid","utid"}) is what AAD returns for MSAL's client_info=1 and becomes the account's home id (without it MSAL
/// falls back to the id token); <c>refresh_token</c> comes only with offline_access, as from AAD.
/// </summary>
internal static class TokenResponseWriter
{
    /// <summary>A user sign-in's tokens; <paramref name="mfa"/> says whether the sign-in (or the one that issued the refresh token) used MFA.</summary>
    public static JsonObject ForUser(TokenIssuer tokens, string clientId, ScopeSet scopes, bool mfa)
    {
        var lifetime = tokens.CurrentLifetime;
        var response = Common(tokens.CreateAccessToken(clientId, user: true, lifetime, mfa: mfa, audience: scopes.Audience), lifetime, scopes.Granted);
        response["id_token"] = tokens.CreateIdToken(clientId, EmulatedIdentity.TenantId);
        response["client_info"] = Jwt.Base64UrlJson(new JsonObject
        {
            ["uid"] = EmulatedIdentity.UserObjectId,
            ["utid"] = EmulatedIdentity.TenantId,
        });
        if (scopes.OfflineAccess)
        {
            response["refresh_token"] = tokens.CreateRefreshToken(clientId, scopes.Granted, mfa);
        }

        return response;
    }

    public static JsonObject ForApp(TokenIssuer tokens, string clientId, ScopeSet scopes)
    {
        var lifetime = tokens.CurrentLifetime;
        return Common(tokens.CreateAccessToken(clientId, user: false, lifetime, audience: scopes.Audience), lifetime, scopes.Granted);
    }

    public static Task WriteAsync(HttpContext context, JsonObject response)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(response)).AsTask();
    }

    private static JsonObject Common(string accessToken, TimeSpan lifetime, string scope)
    {
        var seconds = (long)Math.Ceiling(lifetime.TotalSeconds);
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = accessToken,
        };
    }

    /// <summary>Seconds as AAD's device-code response writes them.</summary>
    public static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
