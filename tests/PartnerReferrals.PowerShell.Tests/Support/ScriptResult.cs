using System.Collections.ObjectModel;
using System.Management.Automation;

namespace PartnerReferrals.PowerShell.Tests.Support;

/// <summary>What one script run produced: its output, its error records, and the terminating error that ended it, if any.</summary>
internal sealed class ScriptResult
{
    public ScriptResult(Collection<PSObject> output, PSDataStreams streams, ErrorRecord? terminating)
    {
        Output = output;
        Errors = [.. streams.Error];
        Terminating = terminating;
    }

    public Collection<PSObject> Output { get; }

    public IReadOnlyList<ErrorRecord> Errors { get; }

    /// <summary>The error that stopped the script (a cmdlet's ThrowTerminatingError, -ErrorAction Stop, throw).</summary>
    public ErrorRecord? Terminating { get; }

    /// <summary>Fails with every error in the message when the script reported any.</summary>
    public ScriptResult AssertNoErrors()
    {
        var problems = Errors.Select(e => e.ToString()).Concat(Terminating is null ? [] : ["terminating: " + Terminating]).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return this;
    }
}
