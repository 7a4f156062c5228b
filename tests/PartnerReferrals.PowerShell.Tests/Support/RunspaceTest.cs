namespace PartnerReferrals.PowerShell.Tests.Support;

/// <summary>
/// What every runspace test shares: the module fixture and a fresh runspace per test with the packaged module
/// imported, closed after each test, also a failed one.
/// </summary>
public abstract class RunspaceTest : IDisposable
{
    private protected RunspaceTest(ModuleFixture module, bool importModule = true)
    {
        Module = module;
        Session = importModule ? module.Session() : PowerShellSession.Start(module.Manifest, importModule: false);
    }

    protected ModuleFixture Module { get; }

    private protected PowerShellSession Session { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Signs in unless the module's process-wide session is connected already.</summary>
    private protected void EnsureConnected() => Module.EnsureConnected(Session);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Session.Dispose();
        }
    }
}
