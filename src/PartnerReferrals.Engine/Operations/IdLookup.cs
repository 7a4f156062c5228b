using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// Get-PartnerReferral -Id: after the query, every id that returned no referral is a non-terminating
/// ObjectNotFound error, as Get-Process -Id reports a missing process, so a script can tell "gone" from "found".
/// </summary>
internal sealed class IdLookup : IEngineHost
{
    private readonly IEngineHost host;
    private readonly HashSet<string> found = new(StringComparer.OrdinalIgnoreCase);

    private IdLookup(IEngineHost host)
    {
        this.host = host;
    }

    /// <summary>Runs <paramref name="query"/>, then reports the ids it did not return. Only a whole result can prove an id missing.</summary>
    public static void Run(ReferralRequest request, IEngineHost host, Action<IEngineHost> query)
    {
        var ids = request.Filter.Id.Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        if (ids.Count == 0 || request.Skip > 0 || request.First is not null)
        {
            query(host);
            return;
        }

        var lookup = new IdLookup(host);
        query(lookup);
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase).Where(id => !lookup.found.Contains(id)))
        {
            host.WriteError(new PartnerReferralsException(
                QueryErrors.Prefix + "ReferralNotFound",
                ErrorKind.ObjectNotFound,
                string.Format(CultureInfo.InvariantCulture, "No referral has the id '{0}' (within the other filters given).", id),
                id)
            {
                ParameterName = "Id",
                RecommendedAction = "Check the id, for example with Get-PartnerReferral -First 10 | Select-Object Id; referrals outside the other filters are not returned.",
            });
        }
    }

    public void WriteObject(object item)
    {
        if (item is Referral { Id: { } id })
        {
            found.Add(id);
        }

        host.WriteObject(item);
    }

    public void WriteVerbose(string message) => host.WriteVerbose(message);

    public void WriteDebug(string message) => host.WriteDebug(message);

    public void WriteWarning(string message) => host.WriteWarning(message);

    public void WriteProgress(ProgressReport report) => host.WriteProgress(report);

    public void WriteTotalCount(long totalCount) => host.WriteTotalCount(totalCount);

    public void WriteError(PartnerReferralsException error) => host.WriteError(error);
}
