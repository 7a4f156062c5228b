using System;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// The entry points of Update-PartnerCoSellReferral and New-PartnerCoSellReferral. Each blocks the pipeline thread
/// and writes through the host on it (<see cref="EngineRunner"/>); a failure is a <see cref="PartnerReferralsException"/>.
/// </summary>
public static class CoSellWriteOperations
{
    /// <summary>The referral as the service has it now, read to learn its eTag and status before an update.</summary>
    public static CoSellReferral Read(PartnerReferralsSession? session, string id, IEngineHost host, CancellationToken cancellationToken)
    {
        var writer = CoSellWriter.For(SessionStore.Connected(session));
        return EngineRunner.Run(host, (output, token) => writer.ReadAsync(id, output, token), cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="update"/> (nothing when it has no changes) and returns the referral as the service then has
    /// it when <paramref name="returnReferral"/>, else null. A 412 is <see cref="CoSellWriteErrors.Conflict"/>.
    /// </summary>
    public static CoSellReferral? Update(PartnerReferralsSession? session, ReferralUpdate update, bool returnReferral, IEngineHost host, CancellationToken cancellationToken)
    {
        var writer = CoSellWriter.For(SessionStore.Connected(session));
        return EngineRunner.Run(host, (output, token) => writer.UpdateAsync(update ?? throw new ArgumentNullException(nameof(update)), returnReferral, output, token), cancellationToken);
    }

    /// <summary>Creates the (checked) referral once and returns it as the service created it.</summary>
    public static CoSellReferral Create(PartnerReferralsSession? session, NewReferralRequest request, IEngineHost host, CancellationToken cancellationToken)
    {
        var writer = CoSellWriter.For(SessionStore.Connected(session));
        return EngineRunner.Run(host, (output, token) => writer.CreateAsync(request ?? throw new ArgumentNullException(nameof(request)), output, token), cancellationToken);
    }
}
