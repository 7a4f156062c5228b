using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// <c>GET /{tenant}/v2.0/.well-known/openid-configuration</c>. MSAL does not read it for an AAD authority with
/// instance discovery off, but generic OAuth clients (and MSAL's OIDC authority type) do.
/// </summary>
internal sealed class OpenIdConfiguration(EmulatorState state)
{
    public Task HandleAsync(HttpContext context)
    {
        var tenant = context.Request.RouteValues["tenant"] as string;
        if (!TenantSegment.IsKnown(tenant))
        {
            return TenantSegment.Unknown(tenant).WriteAsync(context);
        }

        var root = new Uri(state.BaseAddress, tenant + "/");
        return TokenResponseWriter.WriteAsync(context, new JsonObject
        {
            ["issuer"] = state.Issuer,
            ["authorization_endpoint"] = new Uri(root, "oauth2/v2.0/authorize").ToString(),
            ["token_endpoint"] = new Uri(root, "oauth2/v2.0/token").ToString(),
            ["device_authorization_endpoint"] = new Uri(root, "oauth2/v2.0/devicecode").ToString(),
            ["response_types_supported"] = new JsonArray("code"),
            ["grant_types_supported"] = new JsonArray("authorization_code", "refresh_token", "client_credentials",
                "urn:ietf:params:oauth:grant-type:device_code"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "offline_access", EmulatedIdentity.Audience + "/user_impersonation"),
            ["tenant_region_scope"] = "NA",
            ["cloud_instance_name"] = "microsoftonline.com",
        });
    }
}
