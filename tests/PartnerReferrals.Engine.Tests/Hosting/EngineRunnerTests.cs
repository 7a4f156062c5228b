using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Hosting;

public class EngineRunnerTests
{
    [Fact]
    public void Writes_from_worker_threads_arrive_on_the_calling_thread()
    {
        var host = new RecordingHost();
        var caller = Environment.CurrentManagedThreadId;

        var result = EngineRunner.Run(host, async (output, token) =>
        {
            await Task.Yield();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                output.WriteVerbose("from " + i);
                await output.WriteObjectAsync(i, token);
            })));
            return 42;
        }, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(4, host.Objects.Count);
        Assert.Equal([caller], host.Threads);
    }

    [Fact]
    public void A_host_that_throws_cancels_the_work()
    {
        var host = new RecordingHost { StopAfterObjects = 3 };
        var workCancelled = false;

        Assert.Throws<PipelineStoppedException>(() => EngineRunner.Run(host, async (output, token) =>
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    await output.WriteObjectAsync(i, token);
                    await Task.Delay(1, token);
                }
            }
            catch (OperationCanceledException)
            {
                workCancelled = true;
                throw;
            }
        }, CancellationToken.None));

        Assert.True(workCancelled);
        Assert.Equal(3, host.Objects.Count);
    }

    [Fact]
    public void Cancellation_stops_the_work_and_throws()
    {
        using var cancel = new CancellationTokenSource();
        var host = new RecordingHost();

        Assert.ThrowsAny<OperationCanceledException>(() => EngineRunner.Run(host, async (output, token) =>
        {
            await output.WriteObjectAsync(1, token);
            cancel.Cancel();
            await Task.Delay(Timeout.Infinite, token);
        }, cancel.Token));
    }

    [Fact]
    public void A_work_failure_reaches_the_caller_after_earlier_writes()
    {
        var host = new RecordingHost();

        var error = Assert.Throws<PartnerReferralsException>(() => EngineRunner.Run(host, async (output, token) =>
        {
            output.WriteWarning("before");
            await Task.Yield();
            throw new PartnerReferralsException("PartnerReferrals.Test", ErrorKind.InvalidData, "boom", "Do this.");
        }, CancellationToken.None));

        Assert.Equal("PartnerReferrals.Test", error.ErrorId);
        Assert.Equal(["WARNING: before"], host.Lines);
    }
}
