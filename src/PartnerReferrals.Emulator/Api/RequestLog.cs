using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace PartnerReferrals.Emulator;

/// <summary>
/// A thread-safe log of referrals-endpoint requests. An entry is added when the status is decided, before the
/// body is sent, so a client that has seen a response always finds its request here. The oldest entries
/// are dropped beyond 100,000.
/// </summary>
public sealed class RequestLog : IReadOnlyList<RecordedRequest>
{
    // A long-running command-line emulator under a load test must not grow without bound; tests stay far below.
    private const int MaxEntries = 100_000;

    private readonly List<RecordedRequest> entries = [];
    private readonly object gate = new();
    private readonly string? file;

    public RequestLog(string? file = null) => this.file = file;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public RecordedRequest this[int index]
    {
        get
        {
            lock (gate)
            {
                return entries[index];
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    /// <summary>A copy of the entries as they are now.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
            return entries.ToArray();
        }
    }

    public IEnumerator<RecordedRequest> GetEnumerator() => ((IEnumerable<RecordedRequest>)Snapshot()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(RecordedRequest request)
    {
        lock (gate)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.RemoveRange(0, MaxEntries / 10);
            }

            entries.Add(request);
            if (file is not null)
            {
                File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture, $"{request.Received:O}\t{request.ReceivedMilliseconds:0.000}\t{request.StatusCode}\t{request.PathAndQuery}\t{request.Method}\t{request.Header("If-Match")}\t{request.Header("Prefer")}\t{request.Header("MS-RequestId")}\t{request.Header("MS-CorrelationId")}\n"));
            }
        }
    }
}
