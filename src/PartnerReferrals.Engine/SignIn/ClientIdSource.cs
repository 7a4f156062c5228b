using System;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Which app registration signs in: -ClientId, else $PARTNERREFERRALS_CLIENT_ID. There is no built-in default,
/// since no first-party app is registered for this module; the error says how to register one.
/// </summary>
internal static class ClientIdSource
{
    public static string Resolve(ConnectRequest request, ConnectOptions options)
    {
        var clientId = !string.IsNullOrWhiteSpace(request.ClientId)
            ? request.ClientId!.Trim()
            : (options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable)(SignInDefaults.ClientIdVariable)?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            throw new PartnerReferralsException(
                "PartnerReferrals.Auth.ClientIdMissing",
                ErrorKind.InvalidArgument,
                "No application (client) id was given. Register an app in Microsoft Entra ID (App registrations > New registration), enable 'Allow public client flows', add the API permission 'Microsoft Partner Center' > user_impersonation (delegated) and grant consent, and add the redirect URI http://localhost under 'Mobile and desktop applications'. Then pass its Application (client) ID with -ClientId, or set the " + SignInDefaults.ClientIdVariable + " environment variable.")
            {
                ParameterName = "ClientId",
                RecommendedAction = "Pass -ClientId, or set " + SignInDefaults.ClientIdVariable + ".",
            };
        }

        return clientId!;
    }
}
