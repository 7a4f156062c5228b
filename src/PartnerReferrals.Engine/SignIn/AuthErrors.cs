using System;
using System.Globalization;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>Sign-in errors with the next step spelled out; the one place their wording lives.</summary>
internal static class AuthErrors
{
    public const string SignInAgain = "Sign in again with Connect-PartnerReferrals.";

    /// <summary>
    /// A script cannot make itself a new refresh token: a person must sign in. Worded without naming how the token is
    /// read, so it stays true whichever command shows it.
    /// </summary>
    public const string NewRefreshToken =
        "A runbook needs a new refresh token: a person signs in once, interactively and with multi-factor authentication, to the same app " +
        "(for example Connect-PartnerReferrals -UseDeviceCode -ClientId <app id> -TenantId <tenant>), then reads the new refresh token of that sign-in " +
        "and replaces the old one where the runbook reads it (see about_PartnerReferrals, SIGNING IN FROM AUTOMATION).";

    public static PartnerReferralsException SignInRequired(string why, Exception? inner = null) =>
        new("PartnerReferrals.Auth.SignInRequired", ErrorKind.AuthenticationError, why, SignInAgain, null, inner);

    /// <summary>A refresh token Entra refused (expired, revoked, or outdated by a policy): the script cannot go on by itself.</summary>
    public static PartnerReferralsException RefreshTokenRefused(Exception inner) =>
        new("PartnerReferrals.Auth.RefreshTokenExpired", ErrorKind.AuthenticationError, RefreshTokenErrorCodes.Describe(inner.Message), NewRefreshToken, null, inner)
        {
            ParameterName = "RefreshToken",
        };

    public static PartnerReferralsException TokenExpired(DateTimeOffset expiredOn) =>
        new(
            "PartnerReferrals.Auth.TokenExpired",
            ErrorKind.AuthenticationError,
            "The access token given to Connect-PartnerReferrals expired at " + expiredOn.ToString("u", CultureInfo.InvariantCulture) + "; an access token cannot be renewed.",
            "Run Connect-PartnerReferrals with a new -AccessToken, or sign in with -RefreshToken, -UseDeviceCode or interactively so tokens renew by themselves.",
            expiredOn)
        {
            ParameterName = "AccessToken",
        };

    public static PartnerReferralsException Failed(string id, ErrorKind kind, string problem, string action, string? parameter = null, object? target = null, Exception? inner = null) =>
        new(id, kind, problem, action, target, inner)
        {
            ParameterName = parameter,
        };
}
