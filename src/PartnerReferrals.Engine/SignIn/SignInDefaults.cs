namespace PartnerReferrals.Engine.SignIn;

/// <summary>Constants of the Partner Center sign-in.</summary>
public static class SignInDefaults
{
    /// <summary>
    /// The delegated scope. MSAL adds offline_access (for the refresh token), openid and profile itself and
    /// refuses them as explicit scopes, so they are not listed here.
    /// </summary>
    public const string Scope = "https://api.partnercenter.microsoft.com/user_impersonation";

    /// <summary>The loopback redirect MSAL listens on for browser sign-in (any port).</summary>
    public const string RedirectUri = "http://localhost";

    public const string ClientIdVariable = "PARTNERREFERRALS_CLIENT_ID";
}
