using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// Network and TLS failures of a sign-in, which MSAL lets through as bare HttpRequestExceptions, mapped as the
/// API's are: a stable id, a category, the authority as target, and what to check.
/// </summary>
internal static class SignInFaults
{
    public static PartnerReferralsException? Map(Exception exception, ConnectRequest request)
    {
        if (exception is PartnerReferralsException or OperationCanceledException)
        {
            return null;
        }

        var tls = false;
        var network = false;
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            tls |= inner is AuthenticationException;
            network |= inner is HttpRequestException or SocketException;
        }

        if (!tls && !network)
        {
            return null;
        }

        var where = request.Authority?.GetLeftPart(UriPartial.Authority) ?? "the sign-in server of -Environment " + request.Environment;
        var target = (object?)request.Authority ?? request.Environment.ToString();
        var detail = exception.GetBaseException().Message.Trim().TrimEnd('.');
        return tls
            ? new PartnerReferralsException(
                "PartnerReferrals.Auth.TlsFailed",
                ErrorKind.ConnectionError,
                "Could not sign in: the secure connection to " + where + " failed (" + detail + ").",
                "Check the system clock, a TLS-inspecting proxy's root certificate and -Authority; for the local emulator use -Environment Emulator, which pins its certificate.",
                target,
                exception)
            : new PartnerReferralsException(
                "PartnerReferrals.Auth.NetworkFailed",
                ErrorKind.ConnectionError,
                "Could not sign in: " + where + " could not be reached (" + detail + ").",
                "Check the network, DNS and proxy (HTTPS_PROXY), and -Environment or -Authority; then run Connect-PartnerReferrals again.",
                target,
                exception);
    }
}
