using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>
/// A cmdlet stand-in: records every call and the thread it came on; can throw after N objects, like Select-Object
/// -First. Safe to call from several threads, so engine code that writes from its workers can be given one directly.
/// </summary>
internal sealed class RecordingHost : IEngineHost
{
    private readonly object gate = new();

    public List<object> Objects { get; } = [];

    public List<string> Lines { get; } = [];

    public List<long> TotalCounts { get; } = [];

    public List<ProgressReport> Progress { get; } = [];

    public HashSet<int> Threads { get; } = [];

    /// <summary>Every call in the order it arrived: objects as "OBJECT: item", progress as "PROGRESS: status", lines as in <see cref="Lines"/>.</summary>
    public List<string> Calls { get; } = [];

    public int? StopAfterObjects { get; set; }

    /// <summary>Called after each object with the count so far, e.g. to cancel as Ctrl+C would.</summary>
    public Action<int>? AfterObject { get; set; }

    public IEnumerable<string> Warnings => Snapshot("WARNING: ");

    public IEnumerable<string> Verbose => Snapshot("VERBOSE: ");

    public IEnumerable<string> Debug => Snapshot("DEBUG: ");

    public Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count;
            lock (gate)
            {
                Seen();
                Calls.Add("OBJECT: " + item);
                Objects.Add(item);
                count = Objects.Count;
            }

            AfterObject?.Invoke(count);
            if (count >= StopAfterObjects)
            {
                throw new PipelineStoppedException();
            }
        }

        return Task.CompletedTask;
    }

    public void WriteVerbose(string message) => Add("VERBOSE: " + message);

    public void WriteDebug(string message) => Add("DEBUG: " + message);

    public void WriteWarning(string message) => Add("WARNING: " + message);

    public void WriteProgress(ProgressReport report)
    {
        lock (gate)
        {
            Seen();
            Calls.Add("PROGRESS: " + report.Status);
            Progress.Add(report);
        }
    }

    public void WriteTotalCount(long totalCount)
    {
        lock (gate)
        {
            Seen();
            TotalCounts.Add(totalCount);
        }
    }

    public void WriteError(PartnerReferralsException error) => Add("ERROR: " + error.Message);

    private void Add(string line)
    {
        lock (gate)
        {
            Seen();
            Calls.Add(line);
            Lines.Add(line);
        }
    }

    private IEnumerable<string> Snapshot(string prefix)
    {
        lock (gate)
        {
            return Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }

    private void Seen() => Threads.Add(Environment.CurrentManagedThreadId);
}

internal sealed class PipelineStoppedException : Exception
{
    public PipelineStoppedException()
        : base("The pipeline has been stopped.")
    {
    }
}
