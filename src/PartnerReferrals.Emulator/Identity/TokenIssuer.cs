using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Issues and checks the emulator's tokens. Access tokens are HS256 JWTs signed with a key that lives only in
/// this server instance, so a token from another instance (or a forged one) fails the signature check.
/// Refresh tokens are opaque and remembered here with their expiry; as in Entra, every redemption issues a new
/// one and the old one stays valid until its own expiry. They can be revoked one by one or all at once.
/// </summary>
public sealed class TokenIssuer
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly string keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private readonly ConcurrentDictionary<string, RefreshGrant> refreshTokens = new(StringComparer.Ordinal);
    private readonly EmulatorOptions options;
    private readonly FaultSettings faults;
    private readonly TimeProvider clock;

    private readonly Func<string> issuer;

    internal TokenIssuer(EmulatorOptions options, FaultSettings faults, Func<string> issuer, TimeProvider clock)
    {
        this.options = options;
        this.faults = faults;
        this.issuer = issuer;
        this.clock = clock;
    }

    /// <summary>The <c>iss</c> of every token: the authority's v2.0 issuer (known once the port is bound).</summary>
    public string Issuer => issuer();

    /// <summary>
    /// A delegated (user) access token as a device-code or browser sign-in would yield; <paramref name="mfa"/>
    /// decides whether its <c>amr</c> claim holds "mfa" (by default as <see cref="EmulatorOptions.SignInWithMfa"/>).
    /// </summary>
    public string IssueUserToken(TimeSpan? lifetime = null, bool? mfa = null) =>
        CreateAccessToken(EmulatedIdentity.TestClientId, user: true, lifetime ?? CurrentLifetime, mfa: mfa ?? SignInWithMfa);

    /// <summary>A user token for the co-sell Referrals API (audience https://api.partner.microsoft.com), which the analytics API refuses.</summary>
    public string IssueCoSellUserToken(TimeSpan? lifetime = null) =>
        CreateAccessToken(EmulatedIdentity.TestClientId, user: true, lifetime ?? CurrentLifetime, mfa: SignInWithMfa, audience: EmulatedIdentity.CoSellAudience);

    /// <summary>An app-only token (client credentials): valid, but the referrals API refuses it with 403.</summary>
    public string IssueAppOnlyToken() => CreateAccessToken(EmulatedIdentity.TestClientId, user: false, CurrentLifetime);

    /// <summary>A correctly signed user token that expired an hour ago.</summary>
    public string IssueExpiredToken() =>
        CreateAccessToken(EmulatedIdentity.TestClientId, user: true, TimeSpan.FromHours(1), clock.GetUtcNow().AddHours(-2));

    /// <summary>
    /// A refresh token for <paramref name="clientId"/> as the secure application model's consent step yields, valid for
    /// <paramref name="lifetime"/> (by default <see cref="EmulatorOptions.RefreshTokenLifetime"/>; zero or less gives one
    /// that has already expired), from a sign-in with or without MFA (by default as <see cref="EmulatorOptions.SignInWithMfa"/>).
    /// </summary>
    public string IssueRefreshToken(string clientId, TimeSpan? lifetime = null, bool? mfa = null) =>
        CreateRefreshToken(clientId, EmulatedIdentity.Audience + "/" + EmulatedIdentity.DelegatedScope + " openid profile offline_access",
            mfa ?? SignInWithMfa, lifetime);

    /// <summary>Revokes one refresh token (AADSTS50173 from then on); false when this emulator never issued it.</summary>
    public bool RevokeRefreshToken(string refreshToken)
    {
        while (refreshTokens.TryGetValue(refreshToken, out var grant))
        {
            if (refreshTokens.TryUpdate(refreshToken, grant with { Revoked = true }, grant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Invalidates every refresh token issued so far, as a password reset or an admin revocation would.</summary>
    public void RevokeRefreshTokens()
    {
        foreach (var token in refreshTokens.Keys)
        {
            RevokeRefreshToken(token);
        }
    }

    /// <summary>Whether user sign-ins count as multi-factor now (read on each sign-in).</summary>
    internal bool SignInWithMfa => options.SignInWithMfa;

    /// <summary>Access token lifetime for new tokens: the fault override when set, else the configured one.</summary>
    internal TimeSpan CurrentLifetime => faults.TokenLifetimeOverride ?? options.TokenLifetime;

    internal string CreateAccessToken(string clientId, bool user, TimeSpan lifetime, DateTimeOffset? issuedAt = null, bool mfa = true, string audience = EmulatedIdentity.Audience)
    {
        var now = issuedAt ?? clock.GetUtcNow();
        var iat = now.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["aud"] = audience,
            ["iss"] = Issuer,
            ["iat"] = iat,
            ["nbf"] = iat,
            // Rounded up, so a token never lives shorter than asked.
            ["exp"] = (long)Math.Ceiling((now + lifetime).ToUnixTimeMilliseconds() / 1000.0),
            ["tid"] = EmulatedIdentity.TenantId,
            ["appid"] = clientId,
            ["azp"] = clientId,
            ["ver"] = "2.0",
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (user)
        {
            payload["oid"] = EmulatedIdentity.UserObjectId;
            payload["sub"] = EmulatedIdentity.UserObjectId;
            payload["upn"] = EmulatedIdentity.UserName;
            payload["preferred_username"] = EmulatedIdentity.UserName;
            payload["name"] = EmulatedIdentity.DisplayName;
            payload["scp"] = EmulatedIdentity.DelegatedScope;
            // Entra's authentication methods: what Partner Center checks for its MFA requirement.
            payload["amr"] = mfa ? new JsonArray("pwd", "mfa") : new JsonArray("pwd");
        }
        else
        {
            payload["oid"] = ServicePrincipalId(clientId);
            payload["sub"] = ServicePrincipalId(clientId);
            payload["roles"] = new JsonArray("PartnerCenter.Application");
            payload["idtyp"] = "app";
        }

        return Jwt.CreateHs256(payload, key, keyId);
    }

    /// <summary>The OpenID Connect id token MSAL reads the account from (it does not check its signature).</summary>
    internal string CreateIdToken(string clientId, string tenantId)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["aud"] = clientId,
            ["iss"] = Issuer,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["ver"] = "2.0",
            ["tid"] = tenantId,
            ["oid"] = EmulatedIdentity.UserObjectId,
            ["sub"] = EmulatedIdentity.UserObjectId,
            ["preferred_username"] = EmulatedIdentity.UserName,
            ["name"] = EmulatedIdentity.DisplayName,
        };
        return Jwt.CreateHs256(payload, key, keyId);
    }

    internal string CreateRefreshToken(string clientId, string scope, bool mfa, TimeSpan? lifetime = null)
    {
        var token = "0.AEmu." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow();
        refreshTokens[token] = new RefreshGrant(clientId, scope, mfa, now, now + (lifetime ?? options.RefreshTokenLifetime));
        return token;
    }

    /// <summary>The grant behind a refresh token, whatever its state, or null when this emulator never issued it.</summary>
    internal RefreshGrant? FindRefreshToken(string token) => refreshTokens.TryGetValue(token, out var grant) ? grant : null;

    internal DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Checks an <c>Authorization</c> header the way the API would: signature, audience, lifetime, then the caller.</summary>
    internal AccessCheck Check(StringValues authorization, string audience = EmulatedIdentity.Audience)
    {
        var header = authorization.ToString();
        if (authorization.Count != 1 || header.Length == 0)
        {
            return authorization.Count == 0 || header.Length == 0 ? AccessCheck.Missing : AccessCheck.Malformed;
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !Jwt.TryRead(header[7..].Trim(), out var token))
        {
            return AccessCheck.Malformed;
        }

        if (!Jwt.HasValidHs256Signature(token, key))
        {
            return AccessCheck.BadSignature;
        }

        if (token.ClaimString("aud") != audience)
        {
            return AccessCheck.WrongAudience;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (token.ClaimSeconds("exp") is not { } exp || exp <= now)
        {
            return AccessCheck.Expired;
        }

        if (token.ClaimSeconds("nbf") is { } nbf && nbf > now + 300)
        {
            return AccessCheck.NotYetValid;
        }

        if (token.ClaimString("idtyp") == "app" || token.ClaimString("scp") is null)
        {
            return AccessCheck.AppOnly;
        }

        return options.RequireMfa && !token.ClaimHolds("amr", "mfa") ? AccessCheck.MfaRequired : AccessCheck.Allowed;
    }

    // A stable made-up object id for an app's service principal: the same client always gets the same oid.
    private static string ServicePrincipalId(string clientId) =>
        new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(clientId))[..16]).ToString();
}

/// <summary>What a refresh token was issued for, whether its sign-in used MFA, and how long it lasts.</summary>
internal sealed record RefreshGrant(string ClientId, string Scope, bool Mfa, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public bool Revoked { get; init; }
}
