using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// The engine's host over a cmdlet's streams. The engine's runner calls it on the pipeline thread only, which is
/// the one thread PowerShell allows Write* calls from.
/// </summary>
internal sealed class EngineHostAdapter : IEngineHost
{
    private const string DefaultActivity = "PartnerReferrals";
    private readonly PartnerReferralsCmdlet cmdlet;

    public EngineHostAdapter(PartnerReferralsCmdlet cmdlet)
    {
        this.cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
    }

    /// <summary>Writes the batch at once; a stop (Ctrl+C) ends it before the next object rather than after the batch.</summary>
    public Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken)
    {
        for (var i = 0; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            cmdlet.WriteResult(items[i]);
        }

        return Task.CompletedTask;
    }

    public void WriteVerbose(string message) => cmdlet.WriteVerboseLine(message);

    public void WriteDebug(string message) => cmdlet.WriteTrace(message);

    public void WriteWarning(string message) => cmdlet.WriteWarningLine(message);

    public void WriteProgress(ProgressReport report)
    {
        if (report is not null)
        {
            cmdlet.WriteProgress(ToProgressRecord(report));
        }
    }

    public void WriteTotalCount(long totalCount)
    {
        if (totalCount >= 0)
        {
            cmdlet.OnTotalCount(totalCount);
        }
    }

    public void WriteError(PartnerReferralsException error) => cmdlet.WriteError(ErrorRecordFactory.Create(error));

    internal static ProgressRecord ToProgressRecord(ProgressReport report)
    {
        // ProgressRecord rejects empty activity and status text; a progress bar must never fail a pull.
        var activity = string.IsNullOrEmpty(report.Activity) ? DefaultActivity : report.Activity;
        var status = string.IsNullOrEmpty(report.Status) ? activity : report.Status;
        return new ProgressRecord(report.ActivityId, activity, status)
        {
            PercentComplete = Math.Max(-1, Math.Min(100, report.PercentComplete)),
            RecordType = report.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
    }
}
