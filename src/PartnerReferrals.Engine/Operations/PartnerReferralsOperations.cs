using System;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Diagnostics;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.SignIn;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// The entry points of the session and query cmdlets. Each blocks the calling (pipeline) thread, writes only through
/// the host on that thread (<see cref="EngineRunner"/>), and throws <see cref="PartnerReferralsException"/> for
/// terminating errors. The caller passes the session (a cmdlet, the process-wide one of <see cref="SessionStore"/>; a
/// test, its own); queries are validated before the session is needed, so input errors surface even when not connected.
/// </summary>
public static class PartnerReferralsOperations
{
    /// <summary>Signs in and returns the new session; the caller decides where it lives (Connect-PartnerReferrals makes it current).</summary>
    public static PartnerReferralsSession Connect(ConnectRequest request, IEngineHost host, CancellationToken cancellationToken, ConnectOptions? options = null)
    {
        ConnectRequestCheck.Validate(request ?? throw new ArgumentNullException(nameof(request)));
        try
        {
            return EngineRunner.Run(host, (output, token) => SignInService.ConnectAsync(request, output, options ?? new ConnectOptions(), token), cancellationToken);
        }
        catch (Exception exception) when (SignInFaults.Map(exception, request) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>
    /// What ending <paramref name="session"/> leaves behind: the secrets it taught the redactor, and with
    /// <paramref name="clearPersistedCache"/> the token cache on disk (in <paramref name="tokenCacheFolder"/> when it
    /// was not the default). The caller drops the session itself.
    /// </summary>
    public static void Disconnect(PartnerReferralsSession? session, bool clearPersistedCache, IEngineHost host, string? tokenCacheFolder = null) =>
        EngineRunner.Run(host, (output, _) =>
        {
            Redactor.ForgetSecrets();
            output.WriteVerbose(session is not null ? "Signed out: the session and its in-memory tokens are gone." : "No session was connected.");
            if (clearPersistedCache)
            {
                TokenCacheStore.Clear(tokenCacheFolder ?? TokenCacheStore.DefaultFolder);
                output.WriteVerbose("Deleted the persisted token cache files.");
            }

            return Task.CompletedTask;
        }, CancellationToken.None);

    /// <summary>The newest refresh token of <paramref name="session"/>, for a runbook to keep (Get-PartnerReferralsRefreshToken).</summary>
    public static Models.PartnerReferralsRefreshToken GetRefreshToken(PartnerReferralsSession? session, IEngineHost host, CancellationToken cancellationToken)
    {
        var live = SessionStore.Connected(session);
        return EngineRunner.Run(host, (_, token) => RefreshTokenHandout.NewestAsync(live, token), cancellationToken);
    }

    /// <summary>Streams Referral objects to the host as pages arrive; reports the ids of -Id that returned nothing.</summary>
    public static void GetReferrals(PartnerReferralsSession? session, ReferralRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        var live = SessionStore.Connected(session);
        EngineRunner.Run(host, (output, token) => ReferralStreaming.ReferralsAsync(new ReferralPull(live, query, output, request.IncludeTotalCount), request, output, token), cancellationToken);
    }

    /// <summary>Streams ReferralGroup objects to the host.</summary>
    public static void GetSummary(PartnerReferralsSession? session, SummaryRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var query = ReferralQuery.FromRequest(request ?? throw new ArgumentNullException(nameof(request)));
        var live = SessionStore.Connected(session);
        EngineRunner.Run(host, (output, token) => ReferralStreaming.GroupsAsync(new ReferralPull(live, query, output), output, token), cancellationToken);
    }
}
