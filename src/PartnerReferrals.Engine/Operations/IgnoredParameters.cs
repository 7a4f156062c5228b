using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Operations;

/// <summary>Query parameters that have no effect as given: harmless, so a warning that names them, not an error.</summary>
internal static class IgnoredParameters
{
    public static void Warn(ReferralFilter filter, IEngineHost host)
    {
        if (filter is not null && host is not null && !string.IsNullOrWhiteSpace(filter.DateField) && filter.After is null && filter.Before is null)
        {
            host.WriteWarning("-DateField " + filter.DateField + " is ignored: it only chooses the date field of -After and -Before, and neither was given.");
        }
    }
}
