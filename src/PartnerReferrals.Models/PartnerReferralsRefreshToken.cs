using System;
using System.Security;

namespace PartnerReferrals.Models;

/// <summary>
/// The newest refresh token of the current session, for a runbook to keep in its vault. The token is a SecureString,
/// so printing, logging or exporting this object to CSV never shows it; Export-Clixml keeps it encrypted where the
/// operating system can (Windows).
/// </summary>
public sealed class PartnerReferralsRefreshToken
{
    /// <summary>Entra's longest lifetime of a refresh token: each one expires 90 days after it was issued, used or not.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(90);

    /// <summary>The token, for Connect-PartnerReferrals -RefreshToken.</summary>
    public SecureString? RefreshToken { get; set; }

    /// <summary>When the session received this token (UTC): at sign-in, or at the last renewal of the access token.</summary>
    public DateTimeOffset IssuedOn { get; set; }

    /// <summary>The latest it can still be redeemed: <see cref="IssuedOn"/> plus 90 days (a revocation or a policy can end it sooner).</summary>
    public DateTimeOffset ExpiresOn { get; set; }

    public string? Account { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? Environment { get; set; }
}
