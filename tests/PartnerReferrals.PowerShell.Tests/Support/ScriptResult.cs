using System.Collections.ObjectModel;
using System.Management.Automation;

namespace PartnerReferrals.PowerShell.Tests.Support;

/// <summary>What one script run produced: its output, every stream, and the terminating error that ended it, if any.</summary>
internal sealed class ScriptResult
{
    public ScriptResult(Collection<PSObject> output, PSDataStreams streams, ErrorRecord? terminating)
    {
        Output = output;
        Errors = [.. streams.Error];
        Warnings = [.. streams.Warning.Select(w => w.Message)];
        Verbose = [.. streams.Verbose.Select(v => v.Message)];
        Debug = [.. streams.Debug.Select(d => d.Message)];
        Progress = [.. streams.Progress];
        Information = [.. streams.Information];
        Terminating = terminating;
    }

    public Collection<PSObject> Output { get; }

    public IReadOnlyList<ErrorRecord> Errors { get; }

    public IReadOnlyList<string> Warnings { get; }

    public IReadOnlyList<string> Verbose { get; }

    public IReadOnlyList<string> Debug { get; }

    public IReadOnlyList<ProgressRecord> Progress { get; }

    public IReadOnlyList<InformationRecord> Information { get; }

    /// <summary>The error that stopped the script (a cmdlet's ThrowTerminatingError, -ErrorAction Stop, throw).</summary>
    public ErrorRecord? Terminating { get; }

    /// <summary>
    /// The one error the script reported: a script-terminating one, or else the only record in the error stream (a
    /// cmdlet's ThrowTerminatingError ends its statement, not the script, so it lands there).
    /// </summary>
    public ErrorRecord Failure()
    {
        if (Terminating is not null)
        {
            return Terminating;
        }

        Assert.True(Errors.Count == 1, $"expected one error, got {Errors.Count}: {string.Join(" | ", Errors)}");
        return Errors[0];
    }

    /// <summary>Every piece of text a user could see or log: output, messages, errors with their details and targets.</summary>
    public IEnumerable<string> AllText()
    {
        var errors = Errors.Concat(Terminating is null ? [] : [Terminating]);
        // The base object's text: a PSObject's own ToString may be a script method, which needs the runspace's thread.
        return Output.Select(o => o?.BaseObject.ToString() ?? string.Empty)
            .Concat(Output.Where(o => o is not null).SelectMany(o => o.Properties.Select(p => Convert.ToString(SafeValue(p), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)))
            .Concat(Warnings).Concat(Verbose).Concat(Debug)
            .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation))
            .Concat(Information.Select(i => i.MessageData?.ToString() ?? string.Empty))
            .Concat(errors.Select(e => string.Join(" ", e.ToString(), e.Exception?.ToString(), e.ErrorDetails?.Message, e.ErrorDetails?.RecommendedAction, e.TargetObject, e.FullyQualifiedErrorId)));
    }

    /// <summary>Fails with every error and warning in the message when the script reported any error.</summary>
    public ScriptResult AssertNoErrors()
    {
        var problems = Errors.Select(e => e.ToString()).Concat(Terminating is null ? [] : ["terminating: " + Terminating]).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return this;
    }

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}
