using System.Globalization;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Hosting;

[Collection(SessionStoreCollection.Name)]
public class BatchedOutputTests
{
    [Fact]
    public void Batches_are_replayed_row_by_row_in_order_with_the_messages_around_them()
    {
        var host = new RecordingHost();

        EngineRunner.Run(host, async (output, token) =>
        {
            output.WriteVerbose("before");
            await output.WriteObjectsAsync(Enumerable.Range(0, 10).Cast<object>().ToList(), token);
            output.WriteVerbose("between");
            // Larger than a batch: split, still in order.
            await output.WriteObjectsAsync(Enumerable.Range(10, 600).Cast<object>().ToList(), token);
            output.WriteVerbose("after");
        }, CancellationToken.None);

        var expected = new List<string> { "VERBOSE: before" };
        expected.AddRange(Enumerable.Range(0, 10).Select(i => "OBJECT: " + i));
        expected.Add("VERBOSE: between");
        expected.AddRange(Enumerable.Range(10, 600).Select(i => "OBJECT: " + i));
        expected.Add("VERBOSE: after");
        Assert.Equal(expected, host.Calls);
    }

    [Fact]
    public void A_host_that_throws_in_the_middle_of_a_batch_gets_no_further_row_and_the_work_is_cancelled()
    {
        var host = new RecordingHost { StopAfterObjects = 3 };
        var workCancelled = false;
        var batchesWritten = 0;

        Assert.Throws<PipelineStoppedException>(() => EngineRunner.Run(host, async (output, token) =>
        {
            try
            {
                while (true)
                {
                    await output.WriteObjectsAsync(Enumerable.Range(batchesWritten * 10, 10).Cast<object>().ToList(), token);
                    batchesWritten++;
                }
            }
            catch (OperationCanceledException)
            {
                workCancelled = true;
                throw;
            }
        }, CancellationToken.None));

        Assert.True(workCancelled);
        Assert.Equal([0, 1, 2], host.Objects);
        // The producer is bounded by the object buffer, not running on after the stop.
        Assert.InRange(batchesWritten, 1, EngineRunner.DefaultObjectBuffer / 10);
    }

    [Fact]
    public void Select_first_in_the_middle_of_a_batch_writes_nothing_more_and_sends_no_further_request()
    {
        var handler = FakeHandler.Async(async (request, _, token) =>
        {
            await Task.Delay(10, token);
            return FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 100_000));
        });
        using var session = TestSessions.Create(handler);
        // 130 rows: inside the first batch of 256 (pages of 100 arrive together, so a batch spans pages).
        var host = new RecordingHost { StopAfterObjects = 130 };

        Assert.Throws<PipelineStoppedException>(() => PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 100 }, host, CancellationToken.None));

        var count = handler.Count;
        Thread.Sleep(100);
        Assert.Equal(count, handler.Count);
        Assert.Equal(130, host.Objects.Count);
        // Read-ahead is bounded: the runner's 1,024-object buffer (about 11 pages of 100) plus 4 pages in flight.
        Assert.InRange(count, 1, 16);
    }

    [Fact]
    public void Progress_is_replayed_after_the_rows_it_counts()
    {
        var handler = new FakeHandler((request, _) => FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 1200)));
        using var session = TestSessions.Create(handler);
        var host = new RecordingHost();

        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 300 }, host, CancellationToken.None);

        Assert.Equal(1200, host.Objects.OfType<Referral>().Count());
        var objectsBefore = 0;
        foreach (var call in host.Calls)
        {
            if (call.StartsWith("OBJECT: ", StringComparison.Ordinal))
            {
                objectsBefore++;
            }
            else if (call.StartsWith("PROGRESS: ", StringComparison.Ordinal) && call.Contains(" of ", StringComparison.Ordinal))
            {
                var shown = long.Parse(call["PROGRESS: ".Length..call.IndexOf(" of ", StringComparison.Ordinal)], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                Assert.Equal(objectsBefore, shown);
            }
        }

        Assert.Contains("PROGRESS: 1,000 of 1,200 referrals", host.Calls);
    }
}
