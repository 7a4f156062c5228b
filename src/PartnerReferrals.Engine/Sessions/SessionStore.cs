using System.Threading;

namespace PartnerReferrals.Engine.Sessions;

/// <summary>
/// The process-wide current session, as Az and Graph keep theirs: Connect replaces it, Disconnect clears
/// it, and every query uses it. A replaced session is disposed, which closes its connections.
/// </summary>
public static class SessionStore
{
    private static PartnerReferralsSession? current;

    public static PartnerReferralsSession? Current => Volatile.Read(ref current);

    /// <summary>Makes <paramref name="session"/> current and disposes the one it replaces.</summary>
    public static void Replace(PartnerReferralsSession? session) => Interlocked.Exchange(ref current, session)?.Dispose();

    /// <summary>The current session, or the "Run Connect-PartnerReferrals first" error.</summary>
    public static PartnerReferralsSession Require() =>
        Current ?? throw new PartnerReferralsException(
            "PartnerReferrals.Session.NotConnected",
            ErrorKind.InvalidOperation,
            "You are not signed in to Partner Center. Run Connect-PartnerReferrals first.")
        {
            RecommendedAction = "Run Connect-PartnerReferrals first.",
        };
}
