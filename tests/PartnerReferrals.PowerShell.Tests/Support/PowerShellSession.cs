using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Shell = System.Management.Automation.PowerShell;

namespace PartnerReferrals.PowerShell.Tests.Support;

/// <summary>
/// A fresh runspace (PowerShell's default session state, no profile, no interactive host) with the packaged
/// module imported by its manifest, as a script's <c>Import-Module ./PartnerReferrals.psd1</c> would.
/// </summary>
internal sealed class PowerShellSession : IDisposable
{
    private readonly Runspace runspace;

    private PowerShellSession(Runspace runspace)
    {
        this.runspace = runspace;
    }

    public static PowerShellSession Start(string manifest, bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            // Windows would refuse the unsigned format file under a restrictive policy; elsewhere there is no policy to set.
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        var session = new PowerShellSession(runspace);
        if (importModule)
        {
            session.Run("Import-Module -Name $manifest -ErrorAction Stop", ("manifest", manifest)).AssertNoErrors();
        }

        return session;
    }

    /// <summary>Sets a script variable that the next scripts can use ($name).</summary>
    public void Set(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Runs script text to its end and collects everything it wrote; a terminating error is returned, not thrown.</summary>
    public ScriptResult Run(string script, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            Set(name, value);
        }

        using var shell = Shell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        Collection<PSObject> output = [];
        ErrorRecord? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            terminating = exception.ErrorRecord;
        }

        return new ScriptResult(output, shell.Streams, terminating);
    }

    public void Dispose() => runspace.Dispose();
}
