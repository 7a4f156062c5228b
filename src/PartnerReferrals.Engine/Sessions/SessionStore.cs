using System.Threading;

namespace PartnerReferrals.Engine.Sessions;

/// <summary>
/// The process-wide current session, as Az and Graph keep theirs: Connect-PartnerReferrals replaces it,
/// Disconnect-PartnerReferrals clears it, and every other cmdlet passes it to the engine. The engine's operations
/// never read it themselves. A replaced session is disposed, which closes its connections.
/// </summary>
public static class SessionStore
{
    private static PartnerReferralsSession? current;

    public static PartnerReferralsSession? Current => Volatile.Read(ref current);

    /// <summary>Makes <paramref name="session"/> current and disposes the one it replaces.</summary>
    public static void Replace(PartnerReferralsSession? session) => Interlocked.Exchange(ref current, session)?.Dispose();

    /// <summary>The session a caller passed in, or the "Run Connect-PartnerReferrals first" error when there is none.</summary>
    public static PartnerReferralsSession Connected(PartnerReferralsSession? session) =>
        session ?? throw new PartnerReferralsException(
            "PartnerReferrals.Session.NotConnected",
            ErrorKind.InvalidOperation,
            "You are not signed in to Partner Center.",
            "Run Connect-PartnerReferrals first.");
}
