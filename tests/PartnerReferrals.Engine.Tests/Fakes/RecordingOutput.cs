using System.Collections.Concurrent;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>An IEngineOutput (engine side) that keeps everything, thread-safe, for assertions.</summary>
internal sealed class RecordingOutput : IEngineOutput
{
    public ConcurrentQueue<object> Objects { get; } = new();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ConcurrentQueue<long> TotalCounts { get; } = new();

    public IEnumerable<string> Verbose => Lines.Where(l => l.StartsWith("VERBOSE: ", StringComparison.Ordinal));

    public IEnumerable<string> Debug => Lines.Where(l => l.StartsWith("DEBUG: ", StringComparison.Ordinal));

    public Task WriteObjectAsync(object item, CancellationToken cancellationToken)
    {
        Objects.Enqueue(item);
        return Task.CompletedTask;
    }

    public Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            Objects.Enqueue(item);
        }

        return Task.CompletedTask;
    }

    public void WriteVerbose(string message) => Lines.Enqueue("VERBOSE: " + message);

    public void WriteDebug(string message) => Lines.Enqueue("DEBUG: " + message);

    public void WriteWarning(string message) => Lines.Enqueue("WARNING: " + message);

    public void WriteProgress(ProgressReport report) => Lines.Enqueue("PROGRESS: " + report.Status);

    public void WriteTotalCount(long totalCount) => TotalCounts.Enqueue(totalCount);

    public void WriteError(PartnerReferralsException error) => Lines.Enqueue("ERROR: " + error.Message);
}
