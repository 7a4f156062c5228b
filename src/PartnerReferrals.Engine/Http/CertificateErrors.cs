using System;
using System.Security.Authentication;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// A TLS handshake refused over the server's certificate: not a network fault (retrying gives the same
/// certificate) and not a proxy problem, so it is reported at once, with the pinned thumbprint when there is one.
/// </summary>
internal static class CertificateErrors
{
    public const string RejectedId = "PartnerReferrals.Http.CertificateRejected";

    public static bool IsCertificateFailure(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    public static PartnerReferralsException Rejected(Uri? url, CertificatePin? pin, Exception fault)
    {
        var host = url?.GetLeftPart(UriPartial.Authority) ?? "the server";
        var refused = "The TLS connection to " + host + " failed because its certificate was not accepted (" + Innermost(fault).Message + ").";
        var (problem, action) = pin is not null
            ? ("The TLS connection to " + host + " was refused: the server's certificate is not the one pinned for the emulator (SHA-256 " + pin.Thumbprint +
                "). The emulator file is probably from an earlier run, or another program now listens on that port.",
                "Restart the emulator, then run Connect-PartnerReferrals -Environment Emulator again so the module reads its current certificate.")
            : url is not null && url.IsLoopback
                // The emulator's self-signed certificate is trusted only through its pin, which -Environment Emulator reads.
                ? (refused, "For the local emulator, connect with -Environment Emulator (it pins the emulator's own certificate) instead of -Environment Custom; retrying does not help.")
                : (refused, "Check the date and time, the trusted root certificates, and any TLS-inspecting proxy; retrying does not help.");
        return new PartnerReferralsException(RejectedId, ErrorKind.ConnectionError, problem, action, url, fault);
    }

    private static Exception Innermost(Exception ex)
    {
        var e = ex;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
