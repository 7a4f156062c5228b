using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Module.Tests.Support;

/// <summary>
/// A fake PowerShell: records every event in order, with the thread it arrived on, and lets a test act when an
/// object arrives (stop the pipeline, cancel), as Select-Object -First or Ctrl+C would.
/// </summary>
internal sealed class RecordingHost : IEngineHost
{
    public RecordingHost()
    {
        PipelineThread = Environment.CurrentManagedThreadId;
    }

    /// <summary>The thread that created the host: the test's "pipeline thread".</summary>
    public int PipelineThread { get; }

    public List<(string Kind, object Payload)> Events { get; } = [];

    public List<int> CallThreads { get; } = [];

    /// <summary>Runs after each object is recorded; may throw to stop the pipeline.</summary>
    public Action<int>? OnObject { get; set; }

    public IEnumerable<T> Objects<T>() => Events.Where(e => e.Kind == "Object").Select(e => e.Payload).OfType<T>();

    public IEnumerable<ProgressReport> Progress => Events.Where(e => e.Kind == "Progress").Select(e => (ProgressReport)e.Payload);

    public IEnumerable<string> Messages(string kind) => Events.Where(e => e.Kind == kind).Select(e => (string)e.Payload);

    public int ObjectCount => Events.Count(e => e.Kind == "Object");

    public void WriteObject(object item)
    {
        Record("Object", item);
        OnObject?.Invoke(ObjectCount);
    }

    public void WriteVerbose(string message) => Record("Verbose", message);

    public void WriteDebug(string message) => Record("Debug", message);

    public void WriteWarning(string message) => Record("Warning", message);

    public void WriteProgress(ProgressReport report) => Record("Progress", report);

    public void WriteTotalCount(long totalCount) => Record("TotalCount", totalCount);

    public void WriteError(PartnerReferralsException error) => Record("Error", error);

    private void Record(string kind, object payload)
    {
        CallThreads.Add(Environment.CurrentManagedThreadId);
        Events.Add((kind, payload));
    }
}

/// <summary>What PowerShell throws into the engine when a downstream Select-Object -First has enough.</summary>
internal sealed class PipelineStoppedForTestException : Exception
{
    public PipelineStoppedForTestException()
        : base("The pipeline has been stopped.")
    {
    }

    public PipelineStoppedForTestException(string message)
        : base(message)
    {
    }

    public PipelineStoppedForTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
