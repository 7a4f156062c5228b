using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// The pulls of scenario 1, from the cheapest possible client up to the cmdlet's entry point. The baselines read
/// pages exactly as the engine does (same network handler, same skip/top URLs, the first page alone and then
/// the same number of pages in flight, bodies read whole), so a ratio measures what the engine adds and nothing
/// else. Each returns the rows it saw, so a pull that silently lost rows cannot pass for a fast one.
/// </summary>
public sealed class ReferralPulls : IDisposable
{
    private readonly HttpClient raw;
    private readonly PartnerReferralsSession session;
    private readonly int rows;
    private readonly int pageSize;
    private readonly int concurrency;

    public ReferralPulls(Connection connection, int rows, int pageSize, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(connection);
        raw = connection.NewRawClient();
        session = connection.NewSession(concurrency);
        this.rows = rows;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
    }

    public PartnerReferralsSession Session => session;

    /// <summary>(a) Bytes only: each page is read and dropped. Returns the rows asked for (nothing is parsed).</summary>
    public async Task<long> RawBytesAsync()
    {
        long bytes = 0;
        await ForEachPageAsync(body => bytes += body.Length);
        return bytes > 0 ? rows : 0;
    }

    /// <summary>(b) Bytes and a full tokenizing pass with <see cref="Utf8JsonReader"/> over every value: the baseline.</summary>
    public Task<long> RawBytesAndJsonReaderAsync() => ForEachPageAsync(JsonScan.CountRows);

    /// <summary>
    /// (b) that also writes every body to <paramref name="path"/>: the floor of an export (bytes in, one parse, as
    /// many bytes out). A CSV of the same rows is about as large as their JSON, so this is the bound Export-PartnerReferral is held to.
    /// </summary>
    public async Task<long> RawBytesJsonReaderAndWriteAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return await ForEachPageAsync(body =>
        {
            var seen = JsonScan.CountRows(body);
            file.Write(body);
            return seen;
        });
    }

    /// <summary>(b') Bytes and a <see cref="JsonDocument"/> per page: the DOM a naive client would build.</summary>
    public Task<long> RawBytesAndJsonDocumentAsync() => ForEachPageAsync(JsonScan.CountRowsWithDocument);

    /// <summary>(c) The engine's typed stream, consumed directly.</summary>
    public Task<long> EngineStreamAsync() => EnginePulls.StreamAsync(session, rows, pageSize);

    /// <summary>(d) The entry point Get-PartnerReferral calls, with a host that drops what it is given.</summary>
    public long EntryPoint() => EnginePulls.EntryPoint(session, rows, pageSize);

    /// <summary>One request: the first page, body read whole. Returns the rows asked for.</summary>
    public async Task<long> FirstPageAsync()
    {
        var body = await GetPageAsync(0);
        return body.Length > 0 ? Math.Min(pageSize, rows) : 0;
    }

    /// <summary>Raw GET of any referrals URL relative to the base address, body read whole.</summary>
    public async Task<byte[]> GetAsync(string relativeUrl)
    {
        using var response = await raw.GetAsync(relativeUrl, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public void Dispose()
    {
        raw.Dispose();
        session.Dispose();
    }

    private async Task<long> ForEachPageAsync(Func<byte[], long> consume)
    {
        long seen = consume(await GetPageAsync(0));
        var pending = new Queue<Task<byte[]>>();
        long next = pageSize;
        while (true)
        {
            while (pending.Count < concurrency && next < rows)
            {
                pending.Enqueue(GetPageAsync(next));
                next += pageSize;
            }

            if (pending.Count == 0)
            {
                return seen;
            }

            seen += consume(await pending.Dequeue());
        }
    }

    private async Task<byte[]> GetPageAsync(long skip)
    {
        var top = (int)Math.Min(pageSize, rows - skip);
        var url = string.Format(CultureInfo.InvariantCulture, "partner/v1/analytics/referrals?top={0}{1}", top, skip > 0 ? "&skip=" + skip.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return await GetAsync(url);
    }
}
