using System.Threading;
using System;
using PartnerReferrals.Engine.Diagnostics;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.SignIn;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// The entry points the cmdlets call, one per cmdlet. Each blocks the calling (pipeline) thread, writes only
/// through the host on that thread, and throws <see cref="PartnerReferralsException"/> for terminating errors.
/// Queries are validated before anything else, so input errors surface even when not connected.
/// </summary>
public static class PartnerReferralsOperations
{
    /// <summary>Signs in, replaces the current session, and returns its context.</summary>
    public static PartnerReferralsContext Connect(ConnectRequest request, IEngineHost host, CancellationToken cancellationToken) =>
        Connect(request, host, cancellationToken, new ConnectOptions());

    /// <summary>Connect with settings that are not cmdlet parameters (pipeline tuning, a scripted browser, a cache folder).</summary>
    public static PartnerReferralsContext Connect(ConnectRequest request, IEngineHost host, CancellationToken cancellationToken, ConnectOptions options)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        ConnectRequestCheck.Validate(request);
        PartnerReferralsSession session;
        try
        {
            session = OperationRun.Run(host, cancellationToken, (output, token) => SignInService.ConnectAsync(request, output, options ?? new ConnectOptions(), token));
        }
        catch (Exception exception) when (SignInFaults.Map(exception, request) is { } mapped)
        {
            throw mapped;
        }

        SessionStore.Replace(session);
        return session.CurrentContext(DateTimeOffset.UtcNow);
    }

    /// <summary>Forgets the current session; with <paramref name="clearPersistedCache"/>, also the token cache on disk.</summary>
    public static void Disconnect(bool clearPersistedCache, IEngineHost host) => Disconnect(clearPersistedCache, host, null);

    /// <summary>Disconnect, with the token cache folder of <see cref="ConnectOptions.TokenCacheFolder"/> when it was not the default.</summary>
    public static void Disconnect(bool clearPersistedCache, IEngineHost host, string? tokenCacheFolder)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        var had = SessionStore.Current is not null;
        SessionStore.Replace(null);
        Redactor.ForgetSecrets();
        host.WriteVerbose(had ? "Signed out: the session and its in-memory tokens are gone." : "No session was connected.");
        if (clearPersistedCache)
        {
            TokenCacheStore.Clear(tokenCacheFolder ?? TokenCacheStore.DefaultFolder);
            host.WriteVerbose("Deleted the persisted token cache files.");
        }
    }

    /// <summary>The current session's context, or null when not connected.</summary>
    public static PartnerReferralsContext? GetContext() => SessionStore.Current is { } session ? session.CurrentContext(DateTimeOffset.UtcNow) : null;

    /// <summary>Streams Referral objects to the host as pages arrive.</summary>
    public static void GetReferrals(ReferralRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        IgnoredParameters.Warn(request.Filter, host);
        var session = SessionStore.Require();
        IdLookup.Run(request, host, lookupHost => ReferralStreaming.Referrals(session, query, request.IncludeTotalCount, lookupHost, cancellationToken));
    }

    /// <summary>Streams Referral objects of an explicit session (tests, or hosts that manage sessions themselves).</summary>
    public static void GetReferrals(PartnerReferralsSession session, ReferralRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        ReferralStreaming.Referrals(session ?? throw new ArgumentNullException(nameof(session)), query, request.IncludeTotalCount, host, cancellationToken);
    }

    /// <summary>Streams ReferralGroup objects to the host.</summary>
    public static void GetSummary(SummaryRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        IgnoredParameters.Warn(request.Filter, host);
        ReferralStreaming.Groups(SessionStore.Require(), query, host, cancellationToken);
    }

    /// <summary>Streams ReferralGroup objects of an explicit session.</summary>
    public static void GetSummary(PartnerReferralsSession session, SummaryRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        ReferralStreaming.Groups(session ?? throw new ArgumentNullException(nameof(session)), query, host, cancellationToken);
    }
}
