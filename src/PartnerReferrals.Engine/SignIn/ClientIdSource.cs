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
            : options.Variables(SignInDefaults.ClientIdVariable)?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            throw request.Environment == PartnerEnvironment.Emulator
                ? Missing(
                    "No application (client) id was given.",
                    "The emulator accepts any GUID as the client id: add -ClientId ([guid]::NewGuid()), or set " + SignInDefaults.ClientIdVariable + ".")
                : Missing(
                    "No application (client) id was given. Partner Center needs an app registered in Microsoft Entra ID (App registrations > New registration) " +
                    "with 'Allow public client flows' enabled, the delegated API permission 'Microsoft Partner Center' > user_impersonation with consent, " +
                    "and the redirect URI http://localhost under 'Mobile and desktop applications'.",
                    "Pass that app's Application (client) ID with -ClientId, or set the " + SignInDefaults.ClientIdVariable + " environment variable.");
        }

        return clientId!;
    }

    private static PartnerReferralsException Missing(string problem, string action) =>
        new("PartnerReferrals.Auth.ClientIdMissing", ErrorKind.InvalidArgument, problem, action) { ParameterName = "ClientId" };
}
