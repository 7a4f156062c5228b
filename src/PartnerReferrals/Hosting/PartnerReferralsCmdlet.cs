using System;
using System.Management.Automation;
using System.Threading;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// What every cmdlet of the module shares: a cancellation source that Ctrl+C (StopProcessing) cancels, and the
/// translation of the engine's terminating errors into ErrorRecords.
/// </summary>
public abstract class PartnerReferralsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private (bool Debug, bool Verbose, bool WarningAction) typed;
    private bool disposed;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken StopToken => stopping.Token;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposed)
        {
            if (disposing)
            {
                stopping.Dispose();
            }

            disposed = true;
        }
    }

    /// <summary>Runs on PowerShell's stop thread: cancelling makes the blocked engine call return at once.</summary>
    protected override void StopProcessing()
    {
        try
        {
            stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A stop that arrives after the command finished has nothing left to stop.
        }
    }

    /// <summary>
    /// Whether an error that concerns one input (see <see cref="ErrorScope"/>) is written and the command goes on.
    /// Queries say yes; sign-in and session commands have one input, so every error of theirs ends them.
    /// </summary>
    private protected virtual bool ReportsErrorsPerInput => false;

    /// <summary>
    /// A trace line (HTTP requests, timings, request ids). Typed -Debug makes a compiled cmdlet ask "Continue with
    /// this operation?" after every verbose line and warning (and debug line on Windows PowerShell), and fail where no
    /// one can answer, so with -Debug these lines go to the host as Write-Host's do (information stream, tag
    /// PSHOST) and never prompt. $DebugPreference = 'Continue' keeps them debug records, as usual.
    /// </summary>
    internal void WriteTrace(string message)
    {
        if (DebugTyped)
        {
            WriteHostLine("DEBUG: " + message);
        }
        else
        {
            WriteDebug(message);
        }
    }

    /// <summary>A verbose line; with -Debug (and no -Verbose), written as a host line for the reason above.</summary>
    internal void WriteVerboseLine(string message)
    {
        if (DebugTyped && !typed.Verbose)
        {
            WriteHostLine("VERBOSE: " + message);
        }
        else
        {
            WriteVerbose(message);
        }
    }

    /// <summary>A warning; with -Debug (and no -WarningAction), written as a host line for the reason above.</summary>
    internal void WriteWarningLine(string message)
    {
        if (DebugTyped && !typed.WarningAction)
        {
            WriteHostLine("WARNING: " + message);
        }
        else
        {
            WriteWarning(message);
        }
    }

    private bool DebugTyped => typed.Debug;

    /// <summary>The common parameters as typed, read once: what PowerShell made of them decides how lines are written.</summary>
    protected override void BeginProcessing()
    {
        var bound = MyInvocation.BoundParameters;
        typed = (
            bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true },
            bound.ContainsKey("Verbose"),
            bound.ContainsKey("WarningAction"));
    }

    private void WriteHostLine(string text) =>
        WriteInformation(new InformationRecord(new HostInformationMessage { Message = text, ForegroundColor = ConsoleColor.Yellow }, MyInvocation.InvocationName) { Tags = { "PSHOST", "PartnerReferrals.Trace" } });

    /// <summary>An object the engine wrote; a cmdlet may dress it for display (a type name for its view).</summary>
    internal virtual void WriteResult(object item) => WriteObject(item);

    /// <summary>
    /// The engine found the total count it was asked for. PowerShell's paging convention (-IncludeTotalCount)
    /// writes it into the pipeline; only cmdlets with SupportsPaging have paging parameters.
    /// </summary>
    internal virtual void OnTotalCount(long totalCount)
    {
        var paging = PagingParameters;
        if (paging is not null && paging.IncludeTotalCount.IsPresent)
        {
            WriteObject(paging.NewTotalCount((ulong)totalCount, 1.0));
        }
    }

    /// <summary>Calls one engine operation with a host over this cmdlet; its errors become ErrorRecords.</summary>
    private protected void RunEngine(Action<IEngineHost, CancellationToken> operation)
    {
        try
        {
            operation(new EngineHostAdapter(this), stopping.Token);
        }
        catch (PartnerReferralsException exception) when (ReportsErrorsPerInput && ErrorScope.ConcernsOneInput(exception))
        {
            WriteError(ErrorRecordFactory.Create(exception));
        }
        catch (PartnerReferralsException exception)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(exception));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl+C: PowerShell is already stopping the pipeline, so there is nothing to report.
        }
    }

    /// <summary>As <see cref="RunEngine(Action{IEngineHost, CancellationToken})"/> for operations that return a value.</summary>
    private protected T? RunEngine<T>(Func<IEngineHost, CancellationToken, T?> operation)
        where T : class
    {
        T? result = null;
        // A block body, so the lambda is an Action: an expression body returns T and would bind to this very
        // overload again (the recursion that crashed PowerShell with a stack overflow).
        RunEngine((host, token) => { result = operation(host, token); });
        return result;
    }
}
