using System;
using System.Collections.Generic;
using System.Threading;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>Entry points of the co-sell read cmdlets; as <see cref="Operations.PartnerReferralsOperations"/>, each blocks the pipeline thread and writes through the host.</summary>
public static class CoSellOperations
{
    /// <summary>Streams <see cref="Models.CoSellReferral"/> objects: those with <paramref name="ids"/> when given, else the query's.</summary>
    public static void GetReferrals(PartnerReferralsSession? session, CoSellQuery query, IReadOnlyList<string>? ids, IEngineHost host, CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var live = SessionStore.Connected(session);

        // Before any request: a cloud without the API or a token for the other API is said at once.
        var client = live.CoSell();
        EngineRunner.Run(
            host,
            (output, token) =>
            {
                var operation = live.NewOperation(output);
                return ids is { Count: > 0 }
                    ? CoSellStreaming.ByIdAsync(client, ids, operation, output, token)
                    : CoSellStreaming.ListAsync(client, query, operation, output, token);
            },
            cancellationToken);
    }
}
