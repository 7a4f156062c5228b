using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using Microsoft.PowerShell.Commands;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// What every cmdlet of the module shares, whatever API it calls: the host the engine writes to (streams, errors,
/// -Debug routing), a cancellation that Ctrl+C (StopProcessing) sets, the session, file paths, and the translation
/// of the engine's errors into ErrorRecords. It owns BeginProcessing; a cmdlet adds to it through <see cref="Begin"/>.
/// </summary>
public abstract class PartnerReferralsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private (bool Debug, bool Verbose, bool WarningAction) typed;
    private EngineHostAdapter? host;
    private bool disposed;
    private string? countVariable;
    private long countedTotal;

    /// <summary>The parameters given on the command line (read before any pipeline input is bound).</summary>
    private protected HashSet<string> CommandLine { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The process-wide session the engine's operations are given; null when not connected.</summary>
    private protected static PartnerReferralsSession? Session => SessionStore.Current;

    /// <summary>
    /// Whether an error that concerns one input (see <see cref="ErrorScope"/>) is written and the command goes on.
    /// Queries say yes; sign-in and session commands have one input, so every error of theirs ends them.
    /// </summary>
    private protected virtual bool ReportsErrorsPerInput => false;

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

    /// <summary>
    /// The common parameters as typed, read once: what PowerShell made of them decides how lines are written. Sealed,
    /// so no cmdlet can skip it (one that did prompted under -Debug); a cmdlet adds to it in <see cref="Begin"/>.
    /// </summary>
    protected sealed override void BeginProcessing()
    {
        var bound = MyInvocation.BoundParameters;
        typed = (
            bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true },
            bound.ContainsKey("Verbose"),
            bound.ContainsKey("WarningAction"));
        CommandLine = new HashSet<string>(bound.Keys, StringComparer.OrdinalIgnoreCase);

        // -CountVariable (as Microsoft.Graph has it) starts empty, so a script never reads the count of an earlier
        // command when the service reports none this time.
        countVariable = bound.TryGetValue("CountVariable", out var name) && name is string text ? text.TrimStart('$') : null;
        if (countVariable is not null)
        {
            SessionState.PSVariable.Set(countVariable, null);
        }

        Begin();
    }

    /// <summary>What a cmdlet does before the first input, after the module's own start.</summary>
    private protected virtual void Begin()
    {
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
    /// A trace line (HTTP requests, timings, request ids). Typed -Debug makes a compiled cmdlet ask "Continue with
    /// this operation?" after every verbose line and warning (and debug line on Windows PowerShell), and fail where no
    /// one can answer, so with -Debug these lines go to the host as Write-Host's do (information stream, tag
    /// PSHOST) and never prompt. $DebugPreference = 'Continue' keeps them debug records, as usual.
    /// </summary>
    internal void WriteTrace(string message) => WriteLine("DEBUG: ", message, typed.Debug, WriteDebug);

    /// <summary>A verbose line; with -Debug (and no -Verbose), written as a host line for the reason above.</summary>
    internal void WriteVerboseLine(string message) => WriteLine("VERBOSE: ", message, typed.Debug && !typed.Verbose, WriteVerbose);

    /// <summary>A warning; with -Debug (and no -WarningAction), written as a host line for the reason above.</summary>
    internal void WriteWarningLine(string message) => WriteLine("WARNING: ", message, typed.Debug && !typed.WarningAction, WriteWarning);

    /// <summary>An object the engine wrote; a cmdlet may dress it for display (a type name for its view).</summary>
    internal virtual void WriteResult(object item) => WriteObject(item);

    /// <summary>
    /// The engine found the total count it was asked for. PowerShell's paging convention (-IncludeTotalCount)
    /// writes it into the pipeline (only cmdlets with SupportsPaging have paging parameters); -CountVariable gets the
    /// sum over the piped inputs so far, set at each count, since a pipeline that Select-Object -First stops never
    /// reaches EndProcessing.
    /// </summary>
    internal void OnTotalCount(long totalCount)
    {
        var paging = PagingParameters;
        if (paging is not null && paging.IncludeTotalCount.IsPresent)
        {
            WriteObject(paging.NewTotalCount((ulong)totalCount, 1.0));
        }

        if (countVariable is not null)
        {
            countedTotal += totalCount;
            SessionState.PSVariable.Set(countVariable, countedTotal);
        }
    }

    /// <summary>Ends the command with an error of the engine's catalogue.</summary>
    private protected void Fail(PartnerReferralsException error) => ThrowTerminatingError(ErrorRecordFactory.Create(error));

    /// <summary>
    /// A file path given to -<paramref name="parameter"/>, resolved as every file cmdlet does: against PowerShell's
    /// current location (not the process's working folder), and only on the file system.
    /// </summary>
    private protected string FileSystemPath(string path, string parameter)
    {
        var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            Fail(ParameterErrors.NotFileSystem(parameter, path, provider.Name));
        }

        return resolved;
    }

    /// <summary>Calls one engine operation with the host over this cmdlet; its errors become ErrorRecords.</summary>
    private protected T? RunEngine<T>(Func<IEngineHost, CancellationToken, T> operation)
    {
        try
        {
            return operation(host ??= new EngineHostAdapter(this), stopping.Token);
        }
        catch (PartnerReferralsException exception) when (ReportsErrorsPerInput && ErrorScope.ConcernsOneInput(exception))
        {
            WriteError(ErrorRecordFactory.Create(exception));
        }
        catch (PartnerReferralsException exception)
        {
            Fail(exception);
        }
        catch (OperationCanceledException stop) when (stopping.IsCancellationRequested)
        {
            // Ctrl+C: PowerShell is already stopping the pipeline; only what the stop left behind is worth a line.
            if (stop is StoppedException stopped)
            {
                WriteStopNote(stopped.Message);
            }
        }

        return default;
    }

    /// <summary>As <see cref="RunEngine{T}"/> for operations that return nothing.</summary>
    private protected void RunEngine(Action<IEngineHost, CancellationToken> operation) =>
        RunEngine<bool>((engineHost, token) =>
        {
            operation(engineHost, token);
            return true;
        });

    /// <summary>
    /// A warning told after Ctrl+C. A stopping pipeline refuses WriteWarning and WriteVerbose (PipelineStoppedException)
    /// but still takes an information record, which the host shows as Write-Host's, here in a warning's words and colour
    /// (stream 6 in a transcript or a redirection, the Information stream of a hosting application).
    /// </summary>
    private void WriteStopNote(string message)
    {
        try
        {
            WriteLine("WARNING: ", message, asHostLine: true, WriteWarning);
        }
        catch (PipelineStoppedException)
        {
            // A PowerShell that refuses this too leaves no way to tell; the stop itself goes on.
        }
    }

    private void WriteLine(string prefix, string message, bool asHostLine, Action<string> write)
    {
        if (!asHostLine)
        {
            write(message);
            return;
        }

        var line = new HostInformationMessage { Message = prefix + message, ForegroundColor = ConsoleColor.Yellow };
        WriteInformation(new InformationRecord(line, MyInvocation.InvocationName) { Tags = { "PSHOST", "PartnerReferrals.Trace" } });
    }
}
