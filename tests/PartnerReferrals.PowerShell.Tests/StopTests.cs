using System.Diagnostics;
using System.Management.Automation;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>Ctrl+C in a host is PowerShell.Stop(): it must end a slow pull promptly and send nothing more.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class StopTests : RunspaceTest
{
    public StopTests(ModuleFixture module)
        : base(module)
    {
        EnsureConnected();
    }

    [Theory]
    [InlineData("Get-PartnerReferral -PageSize 2")]
    [InlineData("Get-PartnerReferral -PageSize 2 -IncludeTotalCount | ForEach-Object { $_ }")]
    public void Stop_during_a_slow_pull_ends_the_pipeline_and_sends_no_further_request(string script)
    {
        // 300 pages of 150 ms each: the pull would take many seconds, the stop comes after the first row.
        Module.Server.Faults.Latency = TimeSpan.FromMilliseconds(150);
        using var shell = Session.NewShell();
        shell.AddScript(script);
        using var output = new PSDataCollection<PSObject>();
        using var firstRow = new ManualResetEventSlim();
        output.DataAdded += (_, _) => firstRow.Set();

        var invocation = shell.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(firstRow.Wait(TimeSpan.FromSeconds(60)), "no row arrived");
        var clock = Stopwatch.StartNew();
        shell.Stop();
        var stopTook = clock.Elapsed;

        // Without latency, a request sent from now on would be answered and logged at once.
        Module.Server.Faults.Latency = TimeSpan.Zero;
        Module.AssertNoFurtherRequests();
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(invocation));
        Assert.InRange(output.Count, 1, ModuleFixture.ReferralCount - 1);
        Assert.True(stopTook < TimeSpan.FromSeconds(30), $"Stop took {stopTook}");
    }

    [Fact]
    public void After_a_stop_the_session_still_works()
    {
        Module.Server.Faults.Latency = TimeSpan.FromMilliseconds(150);
        using (var shell = Session.NewShell())
        {
            shell.AddScript("Get-PartnerReferral -PageSize 2");
            var invocation = shell.BeginInvoke();
            Thread.Sleep(500);
            shell.Stop();
            Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(invocation));
        }

        Module.ResetFaults();
        var result = Session.Run("(Get-PartnerReferral -First 7).Count").AssertNoErrors();

        Assert.Equal(7, (int)Assert.Single(result.Output).BaseObject);
    }
}
