using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Module.Tests;

/// <summary>Ctrl+C reaches the engine: StopProcessing cancels the token the blocked engine call is waiting on.</summary>
public class CancellationTests
{
    [Fact]
    public async Task StopProcessing_from_another_thread_ends_a_blocked_engine_call_quietly()
    {
        using var command = new StoppableCommand();
        using var started = new ManualResetEventSlim();
        var stopper = Task.Run(() =>
        {
            started.Wait(TimeSpan.FromSeconds(30));
            command.Stop();
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        command.RunBlockingOperation(started);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the call took {clock.Elapsed} to return after the stop");
        Assert.True(command.Cancelled);
        await stopper;
    }

    [Fact]
    public void A_stop_after_disposal_is_ignored()
    {
        var command = new StoppableCommand();
        command.Dispose();

        command.Stop();
    }

    private sealed class StoppableCommand : PartnerReferralsCmdlet
    {
        public bool Cancelled { get; private set; }

        public void Stop() => StopProcessing();

        public void RunBlockingOperation(ManualResetEventSlim started) =>
            RunEngine((IEngineHost host, CancellationToken token) =>
                // The engine's own runner blocks the pipeline thread on work that would otherwise run for 30 s.
                EngineRunner.Run(host, async (_, workToken) =>
                {
                    started.Set();
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(30), workToken);
                    }
                    finally
                    {
                        Cancelled = workToken.IsCancellationRequested;
                    }
                }, token));
    }
}
