using System;

namespace PartnerReferrals.Engine.Http;

/// <summary>A bearer token and when it expires. Its ToString never shows the token.</summary>
public sealed class AccessTokenInfo
{
    public AccessTokenInfo(string token, DateTimeOffset? expiresOn, string? account = null)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        ExpiresOn = expiresOn;
        Account = account;
    }

    public string Token { get; }

    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>The signed-in user's name when known.</summary>
    public string? Account { get; }

    public override string ToString() => "AccessToken(expires " + (ExpiresOn?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown") + ")";
}
