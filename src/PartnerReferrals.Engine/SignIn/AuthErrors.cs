using System;
using System.Globalization;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>Sign-in errors with the next step spelled out; the one place their wording lives.</summary>
internal static class AuthErrors
{
    public const string SignInAgain = "Sign in again with Connect-PartnerReferrals.";

    /// <summary>A script cannot make itself a new refresh token: a person must sign in, and the runbook then keeps that sign-in's token.</summary>
    public const string NewRefreshToken =
        "A runbook needs a new refresh token: a person signs in once, interactively and with multi-factor authentication, to the same app " +
        "(for example Connect-PartnerReferrals -UseDeviceCode -ClientId <app id> -TenantId <tenant>), then reads the new refresh token of that sign-in " +
        "with Get-PartnerReferralsRefreshToken and replaces the old one where the runbook reads it (see about_PartnerReferrals, SIGNING IN FROM AUTOMATION).";

    public static PartnerReferralsException SignInRequired(string why, Exception? inner = null) =>
        new("PartnerReferrals.Auth.SignInRequired", ErrorKind.AuthenticationError, why, SignInAgain, null, inner);

    /// <summary>A refresh token Entra refused (expired, revoked, or outdated by a policy): the script cannot go on by itself.</summary>
    public static PartnerReferralsException RefreshTokenRefused(Exception inner) =>
        new("PartnerReferrals.Auth.RefreshTokenExpired", ErrorKind.AuthenticationError, RefreshTokenErrorCodes.Describe(inner.Message), NewRefreshToken, null, inner)
        {
            ParameterName = "RefreshToken",
        };

    /// <summary>Get-PartnerReferralsRefreshToken in a session that holds no refresh token (an -AccessToken sign-in, or a service that sent none).</summary>
    public static PartnerReferralsException NoRefreshToken(string? signInMethod) =>
        new(
            "PartnerReferrals.Auth.NoRefreshToken",
            ErrorKind.InvalidOperation,
            string.Equals(signInMethod, "AccessToken", StringComparison.OrdinalIgnoreCase)
                ? "This session signed in with -AccessToken, which brings no refresh token, so there is none to return."
                : "The sign-in service returned no refresh token to this session, so there is none to return.",
            "Sign in once with Connect-PartnerReferrals -UseDeviceCode (or interactively), with multi-factor authentication, to the app your runbook uses; " +
            "then Get-PartnerReferralsRefreshToken returns the refresh token of that sign-in.",
            signInMethod);

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
