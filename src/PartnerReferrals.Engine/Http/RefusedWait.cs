using System;

namespace PartnerReferrals.Engine.Http;

/// <summary>A Retry-After longer than the retry budget had left: the service's wait, what was left, and the whole budget.</summary>
internal sealed record RefusedWait(TimeSpan Asked, TimeSpan Left, TimeSpan Budget)
{
    /// <summary>Raises the budget of <see cref="PartnerReferralsOptions.MaxRetryDuration"/> for a session, read at Connect.</summary>
    public const string BudgetVariable = "PARTNERREFERRALS_MAX_RETRY_SECONDS";
}
