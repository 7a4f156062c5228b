namespace PartnerReferrals.Emulator;

/// <summary>The one partner tenant and admin user the emulator signs in: fixed, so tests and demos can name them.</summary>
internal static class EmulatedIdentity
{
    public const string TenantId = "6f0b8e3c-2a47-4d1e-9b5a-7c3d2e1f0a9b";
    public const string UserObjectId = "3a9d5c71-8e2b-4f60-a1d4-92c7b5e8f013";
    public const string UserName = "admin@emulated-partner.onmicrosoft.com";
    public const string DisplayName = "Emulated Partner Admin";

    /// <summary>The Partner Center API's application id URI: the audience of its access tokens.</summary>
    public const string Audience = "https://api.partnercenter.microsoft.com";

    /// <summary>The co-sell Referrals API's application id URI (api.partner.microsoft.com): a second audience.</summary>
    public const string CoSellAudience = "https://api.partner.microsoft.com";

    public const string DelegatedScope = "user_impersonation";

    /// <summary>The client id tokens issued straight from <see cref="TokenIssuer"/> carry.</summary>
    public const string TestClientId = "00000000-0000-0000-0000-0000000e0001";
}
