using System;

namespace PartnerReferrals.Models;

/// <summary>Who is signed in where. Never holds a token: safe to print, log and export.</summary>
public sealed class PartnerReferralsContext
{
    public string? Account { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? Environment { get; set; }

    public string? BaseUrl { get; set; }

    /// <summary>The proxy given to Connect-PartnerReferrals (its address only, never a credential); null when the system's proxy settings apply.</summary>
    public string? Proxy { get; set; }

    /// <summary>
    /// How this session signed in: Interactive, DeviceCode (also when no browser could open), RefreshToken, AccessToken,
    /// or PersistedCache (silently, from the -ContextScope CurrentUser cache of an earlier sign-in).
    /// </summary>
    public string? SignInMethod { get; set; }

    public string? ContextScope { get; set; }

    /// <summary>When the access token in use now expires: renewals during long pulls move it on.</summary>
    public DateTimeOffset? TokenExpiresOn { get; set; }

    /// <summary>Whether that time has passed (the next request then renews the token, if <see cref="TokenRenewable"/>).</summary>
    public bool TokenExpired { get; set; }

    /// <summary>
    /// Whether the module can get a new access token without you: true after a sign-in (the token cache holds
    /// a refresh token), false for -AccessToken, which must be replaced by signing in again once it expires.
    /// </summary>
    public bool TokenRenewable { get; set; }
}
