using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c> with the grants MSAL uses: device code, refresh_token,
/// authorization_code (PKCE S256, redirect_uri must match) and client_credentials (app-only tokens).
/// </summary>
internal sealed class TokenEndpoint(EmulatorState state, ClientAuthenticator clients)
{
    public async Task HandleAsync(HttpContext context)
    {
        var tenant = context.Request.RouteValues["tenant"] as string;
        try
        {
            if (!TenantSegment.IsKnown(tenant))
            {
                throw new AadErrorException(TenantSegment.Unknown(tenant));
            }

            var form = await SignInForms.ReadAsync(context).ConfigureAwait(false);
            var clientId = SignInForms.Required(form, "client_id");
            var grantType = SignInForms.Required(form, "grant_type");
            var confidential = clients.Authenticate(form, clientId, new Uri(state.BaseAddress, tenant + "/oauth2/v2.0/token"));
            var response = grantType switch
            {
                // MSAL.NET sends AAD the short "device_code", which AAD accepts besides the RFC 8628 URN.
                "urn:ietf:params:oauth:grant-type:device_code" or "device_code" => RedeemDeviceCode(form, clientId),
                "refresh_token" => RedeemRefreshToken(form, clientId),
                "authorization_code" => RedeemAuthorizationCode(form, clientId),
                "client_credentials" => confidential
                    ? TokenResponseWriter.ForApp(state.Tokens, clientId, ScopeSet.Parse(form["scope"], appOnly: true))
                    : throw new AadErrorException(AadError.InvalidClient(7000218,
                        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")),
                _ => throw new AadErrorException(new AadError(400, "unsupported_grant_type", 70003,
                    $"The app requested an unsupported grant type '{grantType}'.")),
            };
            await TokenResponseWriter.WriteAsync(context, response).ConfigureAwait(false);
        }
        catch (AadErrorException e)
        {
            await e.Error.WriteAsync(context).ConfigureAwait(false);
        }
    }

    private JsonObject RedeemDeviceCode(IFormCollection form, string clientId)
    {
        var grant = state.SignIns.FindDeviceCode(SignInForms.Required(form, "device_code"));
        if (grant is null || grant.ClientId != clientId)
        {
            throw new AadErrorException(AadError.InvalidGrant(70000, "The provided value for the input parameter 'device_code' is not valid."));
        }

        if (grant.ExpiresAt <= state.SignIns.Now)
        {
            throw new AadErrorException(new AadError(400, "expired_token", 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired."));
        }

        // The emulated user "approves" after the configured number of polls, so MSAL's polling loop is exercised.
        if (!grant.Approved && grant.CountPoll() < state.Options.DeviceCodePendingPolls)
        {
            throw new AadErrorException(AadError.Pending());
        }

        grant.Approved = true;
        return grant.TryRedeem()
            ? TokenResponseWriter.ForUser(state.Tokens, clientId, ScopeSet.Parse(grant.Scope, appOnly: false), state.Tokens.SignInWithMfa)
            : throw new AadErrorException(AadError.InvalidGrant(54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."));
    }

    // Entra's answers: an expired token gets AADSTS700082, a revoked one AADSTS50173; both are invalid_grant, which
    // MSAL raises as MsalUiRequiredException. The emulator forgets its tokens when it stops, so a token it never
    // issued (from an earlier run) is answered as revoked: either way a new sign-in is the way out.
    // Every redemption issues a new refresh token (TokenResponseWriter) and leaves this one valid until it expires.
    private JsonObject RedeemRefreshToken(IFormCollection form, string clientId)
    {
        var grant = state.Tokens.FindRefreshToken(SignInForms.Required(form, "refresh_token"));
        if (grant is null || grant.Revoked)
        {
            throw new AadErrorException(AadError.InvalidGrant(50173, grant is null
                ? "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password."
                : FormattableString.Invariant($"The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{grant.IssuedAt:O}'.")));
        }

        if (grant.ExpiresAt <= state.Tokens.Now)
        {
            throw new AadErrorException(AadError.InvalidGrant(700082, FormattableString.Invariant(
                $"The refresh token has expired due to inactivity. The token was issued on {grant.IssuedAt:O} and was inactive for {grant.ExpiresAt - grant.IssuedAt:c}.")));
        }

        if (grant.ClientId != clientId)
        {
            throw new AadErrorException(AadError.InvalidGrant(70000, "The refresh token was issued to a different client id."));
        }

        var scope = form["scope"].ToString();
        return TokenResponseWriter.ForUser(state.Tokens, clientId,
            ScopeSet.Parse(scope.Length > 0 ? scope : grant.Scope + " offline_access", appOnly: false), grant.Mfa);
    }

    private JsonObject RedeemAuthorizationCode(IFormCollection form, string clientId)
    {
        var grant = state.SignIns.TakeAuthorizationCode(SignInForms.Required(form, "code"));
        if (grant is null || grant.ClientId != clientId)
        {
            throw new AadErrorException(AadError.InvalidGrant(70008, "The provided authorization code or refresh token has expired due to inactivity or was already redeemed."));
        }

        if (form["redirect_uri"].ToString() != grant.RedirectUri)
        {
            throw new AadErrorException(AadError.InvalidGrant(500112, "The reply address does not match the reply address provided when requesting the authorization code."));
        }

        var verifier = SignInForms.Required(form, "code_verifier");
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(grant.CodeChallenge)))
        {
            throw new AadErrorException(AadError.InvalidGrant(501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request."));
        }

        return TokenResponseWriter.ForUser(state.Tokens, clientId, ScopeSet.Parse(grant.Scope, appOnly: false), state.Tokens.SignInWithMfa);
    }
}
