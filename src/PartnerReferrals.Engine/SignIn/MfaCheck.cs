using System;
using System.Linq;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Partner Center's multi-factor enforcement (from 2026-04-01, app+user calls need a token with <c>mfa</c> in its
/// <c>amr</c> claim): the warning after a sign-in without MFA and the error when the API refuses for it.
/// </summary>
internal static class MfaCheck
{
    public const string Advice =
        "Sign in interactively with multi-factor authentication (Connect-PartnerReferrals, or -UseDeviceCode); for a runbook, " +
        "mint its refresh token from such an MFA sign-in (see about_PartnerReferrals, SIGNING IN FROM AUTOMATION).";

    private const string Enforcement = "Since 2026-04-01 Partner Center refuses app+user calls whose token carries no MFA claim.";

    /// <summary>Warns when <paramref name="accessToken"/> is a user token whose sign-in did not use MFA; app-only and unreadable tokens pass.</summary>
    public static void WarnIfMissing(string? accessToken, IEngineHost output)
    {
        var methods = accessToken is null ? null : JwtClaims.TryRead(accessToken)?.AuthenticationMethods;
        if (methods is not null && !methods.Contains("mfa", StringComparer.OrdinalIgnoreCase))
        {
            output.WriteWarning("The sign-in did not use multi-factor authentication (the token's amr claim has no 'mfa'). " + Enforcement + " " + Advice);
        }
    }

    /// <summary>Whether an API refusal (401 or 403) is about missing MFA: Entra's code 900421 or a description naming MFA.</summary>
    public static bool IsRefusal(int status, string? code, string? description) =>
        (status == 401 || status == 403)
        && (code == "900421" || (description is not null && (description.Contains("MFA", StringComparison.Ordinal) || description.Contains("multi-factor", StringComparison.OrdinalIgnoreCase))));

    public static (string Id, ErrorKind Kind, string Problem, string Action) Refusal() =>
        ("PartnerReferrals.Auth.MfaRequired", ErrorKind.AuthenticationError, "Partner Center refused the call because the sign-in did not use multi-factor authentication. " + Enforcement, Advice);
}
