using PartnerReferrals.Engine.Diagnostics;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>Sign-in errors with the next step spelled out; the one place their wording lives.</summary>
internal static class AuthErrors
{
    public const string SignInAgain = "Sign in again with Connect-PartnerReferrals.";

    public static PartnerReferralsException SignInRequired(string why, System.Exception? inner = null) =>
        new("PartnerReferrals.Auth.SignInRequired", ErrorKind.AuthenticationError, Redactor.Redact(why) + " " + SignInAgain, null, inner)
        {
            RecommendedAction = SignInAgain,
        };

    public static PartnerReferralsException TokenExpired(System.DateTimeOffset expiredOn) =>
        new(
            "PartnerReferrals.Auth.TokenExpired",
            ErrorKind.AuthenticationError,
            "The access token given to Connect-PartnerReferrals expired at " + expiredOn.ToString("u", System.Globalization.CultureInfo.InvariantCulture) +
            "; an access token cannot be renewed. Run Connect-PartnerReferrals with a new -AccessToken, or sign in with -RefreshToken, -UseDeviceCode or interactively so tokens renew by themselves.",
            expiredOn)
        {
            ParameterName = "AccessToken",
            RecommendedAction = SignInAgain,
        };

    public static PartnerReferralsException Failed(string id, ErrorKind kind, string message, string? parameter = null, object? target = null, System.Exception? inner = null) =>
        new(id, kind, Redactor.Redact(message), target, inner)
        {
            ParameterName = parameter,
        };
}
