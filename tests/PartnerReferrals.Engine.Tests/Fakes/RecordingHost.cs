using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>A cmdlet stand-in: records every call and the thread it came on; can throw after N objects, like Select-Object -First.</summary>
internal sealed class RecordingHost : IEngineHost
{
    public List<object> Objects { get; } = [];

    public List<string> Lines { get; } = [];

    public List<long> TotalCounts { get; } = [];

    public List<ProgressReport> Progress { get; } = [];

    public HashSet<int> Threads { get; } = [];

    /// <summary>Every call in the order it arrived: objects as "OBJECT: item", progress as "PROGRESS: status", lines as in <see cref="Lines"/>.</summary>
    public List<string> Calls { get; } = [];

    public int? StopAfterObjects { get; set; }

    public IEnumerable<string> Warnings => Lines.Where(l => l.StartsWith("WARNING: ", StringComparison.Ordinal));

    public void WriteObject(object item)
    {
        Seen();
        Calls.Add("OBJECT: " + item);
        Objects.Add(item);
        if (Objects.Count >= StopAfterObjects)
        {
            throw new PipelineStoppedException();
        }
    }

    public void WriteVerbose(string message) => Add("VERBOSE: " + message);

    public void WriteDebug(string message) => Add("DEBUG: " + message);

    public void WriteWarning(string message) => Add("WARNING: " + message);

    public void WriteProgress(ProgressReport report)
    {
        Seen();
        Calls.Add("PROGRESS: " + report.Status);
        Progress.Add(report);
    }

    public void WriteTotalCount(long totalCount)
    {
        Seen();
        TotalCounts.Add(totalCount);
    }

    public void WriteError(PartnerReferralsException error) => Add("ERROR: " + error.Message);

    private void Add(string line)
    {
        Seen();
        Calls.Add(line);
        Lines.Add(line);
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
