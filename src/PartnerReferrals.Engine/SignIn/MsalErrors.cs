using System;
using Microsoft.Identity.Client;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Maps MSAL's exceptions onto the engine's errors, so a user reads "sign in again" rather than an MSAL
/// stack. The MSAL error code is kept in the message for support; the raw exception stays as the inner one.
/// </summary>
internal static class MsalErrors
{
    private const string CheckApp = "Check -TenantId and -ClientId, and that the app registration has the 'Microsoft Partner Center' API permission (user_impersonation); then run Connect-PartnerReferrals again.";

    /// <param name="ex">What MSAL threw.</param>
    /// <param name="endpoints">Where the sign-in went, for a certificate failure's message.</param>
    /// <param name="refreshTokenSignIn">Whether the session came from -RefreshToken: then no sign-in can be repeated by the script itself.</param>
    public static Exception Map(Exception ex, EnvironmentEndpoints? endpoints = null, bool refreshTokenSignIn = false)
    {
        switch (ex)
        {
            case PartnerReferralsException or OperationCanceledException:
                return ex;
            case var _ when CertificateErrors.IsCertificateFailure(ex):
                // Sign-in is the first TLS handshake of a session: a wrong pin or certificate shows here first.
                return CertificateErrors.Rejected(endpoints?.Authority, endpoints?.Pin, ex);
            case MsalUiRequiredException or MsalServiceException { ErrorCode: "invalid_grant" } when refreshTokenSignIn:
                return AuthErrors.RefreshTokenRefused(ex);
            case MsalUiRequiredException ui:
                return AuthErrors.SignInRequired("The saved sign-in can no longer be used (" + ui.ErrorCode + ": it expired, was revoked, or needs consent or MFA again).", ui);
            case MsalServiceException service when service.ErrorCode == "invalid_grant":
                return AuthErrors.RefreshTokenRefused(service);
            case MsalServiceException service when service.ErrorCode == "invalid_client":
                return AuthErrors.Failed(
                    "PartnerReferrals.Auth.InvalidClient",
                    ErrorKind.AuthenticationError,
                    "The sign-in service refused the application's credentials (invalid_client): the client id, secret or certificate does not match the app registration, or its secret expired.",
                    "Check -ClientId and the app's credential: the secret of -ClientSecretCredential (user name = client id) or the certificate of -CertificateThumbprint must belong to that app registration.",
                    "ClientSecretCredential",
                    null,
                    service);
            case MsalServiceException service:
                return AuthErrors.Failed(
                    "PartnerReferrals.Auth.SignInFailed",
                    ErrorKind.AuthenticationError,
                    "Sign-in failed (" + service.ErrorCode + ", HTTP " + service.StatusCode + "): " + FirstLine(service.Message),
                    CheckApp,
                    null,
                    null,
                    service);
            case MsalClientException client when client.ErrorCode == MsalError.AuthenticationCanceledError:
                return AuthErrors.Failed("PartnerReferrals.Auth.Canceled", ErrorKind.OperationStopped, "Sign-in was cancelled in the browser.", "Run Connect-PartnerReferrals again, or sign in with -UseDeviceCode.", null, null, client);
            case MsalException msal:
                return AuthErrors.Failed(
                    "PartnerReferrals.Auth.SignInFailed",
                    ErrorKind.AuthenticationError,
                    "Sign-in failed (" + msal.ErrorCode + "): " + FirstLine(msal.Message),
                    "On a machine without a browser, use -UseDeviceCode. " + CheckApp,
                    null,
                    null,
                    msal);
            default:
                return ex;
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.EndsWith(".", StringComparison.Ordinal) ? line : line + ".";
    }
}
