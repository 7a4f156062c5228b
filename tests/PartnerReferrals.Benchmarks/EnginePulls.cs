using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Benchmarks;

/// <summary>The engine's two public ways to pull rows: the async stream, and the cmdlet's blocking entry point.</summary>
internal static class EnginePulls
{
    public static async Task<long> StreamAsync(PartnerReferralsSession session, long rows, int pageSize)
    {
        var query = ReferralQuery.Create(null, null, null, pageSize, 0, rows);
        long seen = 0;
        await foreach (var row in session.GetReferralsAsync(query, session.NewOperation(null)))
        {
            if (row.Id is not null)
            {
                seen++;
            }
        }

        return seen;
    }

    public static long EntryPoint(PartnerReferralsSession session, long rows, int pageSize)
    {
        var host = new CountingHost();
        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = pageSize, First = rows }, host, CancellationToken.None);
        return host.Objects;
    }

    /// <summary>The null host: drops every message, counts objects so a lost row shows.</summary>
    private sealed class CountingHost : IEngineHost
    {
        public long Objects { get; private set; }

        public Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken)
        {
            Objects += items.Count;
            return Task.CompletedTask;
        }

        public void WriteVerbose(string message)
        {
        }

        public void WriteDebug(string message)
        {
        }

        public void WriteWarning(string message)
        {
        }

        public void WriteProgress(ProgressReport report)
        {
        }

        public void WriteTotalCount(long totalCount)
        {
        }

        public void WriteError(PartnerReferralsException error)
        {
        }
    }
}
