using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Operations;

/// <summary>Get-PartnerReferral and the summary: rows to the host as they arrive, in batches, with progress and a verbose line per page.</summary>
internal static class ReferralStreaming
{
    public static async Task ReferralsAsync(ReferralPull pull, ReferralRequest request, IEngineHost output, CancellationToken cancellationToken)
    {
        // Only a whole result can prove an id missing: with -Skip or -First, a referral not returned may still exist.
        var ids = request.Skip == 0 && request.First is null
            ? request.Filter.Id.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rows = ids.Count == 0 ? pull.Referrals(cancellationToken) : Noting(pull.Referrals(cancellationToken), found, cancellationToken);
        var written = new RowCount();
        try
        {
            await RowWriter.WriteAllAsync(rows, output, pull.Progress, cancellationToken, written).ConfigureAwait(false);
        }
        catch (PartnerReferralsException ex) when (written.Count > 0)
        {
            throw pull.Incomplete(ex, written.Count, resumable: true);
        }

        pull.Progress.Done();

        // As Get-Process -Id reports a missing process: one non-terminating error per id, so a script can tell "gone" from "found".
        foreach (var id in ids.Where(id => !found.Contains(id)))
        {
            output.WriteError(QueryErrors.NotFound(id));
        }
    }

    public static async Task GroupsAsync(ReferralPull pull, IEngineHost output, CancellationToken cancellationToken)
    {
        var written = new RowCount();
        try
        {
            await RowWriter.WriteAllAsync(pull.Groups(cancellationToken), output, null, cancellationToken, written).ConfigureAwait(false);
        }
        catch (PartnerReferralsException ex) when (written.Count > 0)
        {
            throw pull.Incomplete(ex, written.Count, resumable: false);
        }
    }

    private static async IAsyncEnumerable<Referral> Noting(IAsyncEnumerable<Referral> rows, HashSet<string> found, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.Id is { } id)
            {
                found.Add(id);
            }

            yield return row;
        }
    }
}
