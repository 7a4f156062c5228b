using System;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// The entry points the cmdlets call, one per cmdlet. Each blocks the calling (pipeline) thread, writes only
/// through the host on that thread, and throws <see cref="PartnerReferralsException"/> for terminating errors.
/// </summary>
public static class PartnerReferralsOperations
{
    /// <summary>Signs in, replaces the current session, and returns its context.</summary>
    public static ContextInfo Connect(ConnectRequest request, IEngineHost host, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Forgets the current session; with <paramref name="clearPersistedCache"/>, also the token cache on disk.</summary>
    public static void Disconnect(bool clearPersistedCache, IEngineHost host) => throw new NotImplementedException();

    /// <summary>The current session's context, or null when not connected.</summary>
    public static ContextInfo? GetContext() => throw new NotImplementedException();

    /// <summary>Streams Referral objects to the host as pages arrive.</summary>
    public static void GetReferrals(ReferralRequest request, IEngineHost host, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Streams ReferralGroup objects to the host.</summary>
    public static void GetSummary(SummaryRequest request, IEngineHost host, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
