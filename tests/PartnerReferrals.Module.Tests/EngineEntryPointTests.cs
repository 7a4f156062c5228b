using System.Diagnostics;
using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine;
using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The engine entry points that the cmdlets call, driven through a fake host against the in-process emulator:
/// what a user of the module would see in each stream, without PowerShell.
/// </summary>
[Collection(EngineSessionCollection.Name)]
public sealed class EngineEntryPointTests : IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));

    public EngineEntryPointTests(EmulatorFixture emulator)
    {
        this.emulator = emulator;
        emulator.Server.Faults.Latency = TimeSpan.Zero;
    }

    public void Dispose()
    {
        emulator.Server.Faults.Latency = TimeSpan.Zero;
        timeout.Dispose();
    }

    [Fact]
    public void Connect_by_device_code_returns_a_context_that_holds_no_token()
    {
        var host = new RecordingHost();

        var context = PartnerReferralsOperations.Connect(emulator.DeviceCodeRequest(), host, timeout.Token);

        Assert.Equal("Emulator", context.Environment);
        Assert.Equal("DeviceCode", context.SignInMethod);
        Assert.Equal(emulator.ClientId, context.ClientId);
        Assert.NotNull(PartnerReferralsOperations.GetContext());
        Assert.All(typeof(PartnerReferralsContext).GetProperties(), p => Assert.DoesNotContain("eyJ", Convert.ToString(p.GetValue(context), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal));
        Assert.All(host.CallThreads, id => Assert.Equal(host.PipelineThread, id));
    }

    [Fact]
    public void GetReferrals_streams_every_referral_in_the_services_order_on_the_pipeline_thread()
    {
        emulator.EnsureConnected();
        var host = new RecordingHost();

        PartnerReferralsOperations.GetReferrals(new ReferralRequest { PageSize = 500 }, host, timeout.Token);

        Assert.Equal(emulator.Server.Referrals.Select(r => r.Id), host.Objects<Referral>().Select(r => r.Id));
        Assert.All(host.CallThreads, id => Assert.Equal(host.PipelineThread, id));
        Assert.Empty(host.Messages("Error"));
    }

    [Fact]
    public void GetReferrals_writes_the_first_objects_before_the_last_page_is_requested()
    {
        emulator.EnsureConnected();
        emulator.Server.Faults.Latency = TimeSpan.FromMilliseconds(20);
        var before = emulator.Server.Requests.Count;
        var requestsAtFirstObject = -1;
        var host = new RecordingHost { OnObject = n => requestsAtFirstObject = n == 1 ? emulator.Server.Requests.Count - before : requestsAtFirstObject };

        PartnerReferralsOperations.GetReferrals(new ReferralRequest { PageSize = 50 }, host, timeout.Token);

        var pages = EmulatorFixture.ReferralCount / 50;
        Assert.Equal(EmulatorFixture.ReferralCount, host.ObjectCount);
        Assert.InRange(requestsAtFirstObject, 1, pages / 2);
    }

    [Fact]
    public void First_and_Skip_select_a_window_and_the_total_count_comes_before_the_rows()
    {
        emulator.EnsureConnected();
        var host = new RecordingHost();

        PartnerReferralsOperations.GetReferrals(new ReferralRequest { Skip = 5, First = 10, PageSize = 7, IncludeTotalCount = true }, host, timeout.Token);

        Assert.Equal(emulator.Server.Referrals.Skip(5).Take(10).Select(r => r.Id), host.Objects<Referral>().Select(r => r.Id));
        var firstCount = host.Events.FindIndex(e => e.Kind == "TotalCount");
        Assert.True(firstCount >= 0, "no total count was written");
        Assert.Equal((long)EmulatorFixture.ReferralCount, host.Events[firstCount].Payload);
        Assert.True(firstCount < host.Events.FindIndex(e => e.Kind == "Object"), "the total count must come before the rows");
    }

    [Fact]
    public void Filters_reach_the_service_and_select_the_matching_rows()
    {
        emulator.EnsureConnected();
        var sample = emulator.Server.Referrals.First(r => r.Status is not null && r.CustomerMarket is not null);
        var host = new RecordingHost();
        var request = new ReferralRequest();
        request.Filter.Status.Add(sample.Status!);
        request.Filter.CustomerMarket.Add(sample.CustomerMarket!);

        PartnerReferralsOperations.GetReferrals(request, host, timeout.Token);

        var expected = emulator.Server.Referrals.Where(r => r.Status == sample.Status && r.CustomerMarket == sample.CustomerMarket).Select(r => r.Id);
        Assert.Equal(expected, host.Objects<Referral>().Select(r => r.Id));
    }

    [Fact]
    public void Long_pulls_report_progress_and_complete_it()
    {
        emulator.EnsureConnected();
        var host = new RecordingHost();

        PartnerReferralsOperations.GetReferrals(new ReferralRequest { PageSize = 200 }, host, timeout.Token);

        var progress = host.Progress.ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.InRange(p.PercentComplete, -1, 100));
        Assert.True(progress[^1].Completed, "the last progress report must complete the bar");
        Assert.Single(progress.Select(p => p.ActivityId).Distinct());
        Assert.All(progress, p => Assert.False(string.IsNullOrEmpty(p.Activity)));
    }

    [Fact]
    public void An_unknown_group_by_field_is_an_input_error_that_names_the_parameter_and_maps_to_InvalidArgument()
    {
        emulator.EnsureConnected();
        var before = emulator.Server.Requests.Count;
        var request = new SummaryRequest();
        request.GroupBy.Add("colour");

        var error = Assert.Throws<PartnerReferralsException>(() => PartnerReferralsOperations.GetSummary(request, new RecordingHost(), timeout.Token));

        Assert.Equal("PartnerReferrals.Query.UnknownField", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("colour", error.Target);
        Assert.Equal("GroupBy", error.ParameterName);
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
        Assert.Equal(ErrorCategory.InvalidArgument, ErrorRecordFactory.ToCategory(error.Kind));
        Assert.Equal(before, emulator.Server.Requests.Count);
    }

    [Fact]
    public void Cancelling_stops_the_pull_at_once_and_sends_no_further_request()
    {
        emulator.EnsureConnected();
        emulator.Server.Faults.Latency = TimeSpan.FromMilliseconds(50);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var host = new RecordingHost { OnObject = n => { if (n == 10) { stop.Cancel(); } } };
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => PartnerReferralsOperations.GetReferrals(new ReferralRequest { PageSize = 10 }, host, stop.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the pull took {clock.Elapsed} to stop");
        var afterStop = emulator.Server.Requests.Count;
        Thread.Sleep(300);
        Assert.Equal(afterStop, emulator.Server.Requests.Count);
        Assert.InRange(host.ObjectCount, 10, EmulatorFixture.ReferralCount - 1);
    }

    [Fact]
    public void A_stopped_pipeline_stops_the_pull_and_the_hosts_exception_reaches_the_cmdlet()
    {
        emulator.EnsureConnected();
        emulator.Server.Faults.Latency = TimeSpan.FromMilliseconds(20);
        var host = new RecordingHost { OnObject = n => { if (n == 3) { throw new PipelineStoppedForTestException(); } } };

        Assert.Throws<PipelineStoppedForTestException>(() => PartnerReferralsOperations.GetReferrals(new ReferralRequest { PageSize = 5 }, host, timeout.Token));

        var afterStop = emulator.Server.Requests.Count;
        Thread.Sleep(300);
        Assert.Equal(afterStop, emulator.Server.Requests.Count);
        Assert.Equal(3, host.ObjectCount);
    }

    [Fact]
    public void Summary_counts_add_up_and_month_buckets_start_on_the_first()
    {
        emulator.EnsureConnected();
        var host = new RecordingHost();
        var request = new SummaryRequest { AggregationLevel = "Month" };
        request.GroupBy.Add("status");
        request.GroupBy.Add("createdDate");

        PartnerReferralsOperations.GetSummary(request, host, timeout.Token);

        var groups = host.Objects<ReferralGroup>().ToList();
        Assert.Equal(EmulatorFixture.ReferralCount, groups.Sum(g => g.ReferralCount));
        Assert.All(groups, g => Assert.Equal(1, g.CreatedDate!.Value.Day));
        var expected = emulator.Server.Referrals
            .GroupBy(r => (r.Status, Month: new DateTime(r.CreatedDate!.Value.Year, r.CreatedDate.Value.Month, 1, 0, 0, 0, DateTimeKind.Utc)))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.Count, groups.Count);
        Assert.All(groups, g => Assert.Equal(expected[(g.Status, g.CreatedDate!.Value)], g.ReferralCount));
    }

    [Fact]
    public void After_Disconnect_a_query_fails_with_an_error_that_says_to_connect()
    {
        emulator.EnsureConnected();
        PartnerReferralsOperations.Disconnect(false, new RecordingHost());

        Assert.Null(PartnerReferralsOperations.GetContext());
        var error = Assert.Throws<PartnerReferralsException>(() => PartnerReferralsOperations.GetReferrals(new ReferralRequest(), new RecordingHost(), timeout.Token));
        Assert.Contains("Connect-PartnerReferrals", error.Message + " " + error.RecommendedAction, StringComparison.Ordinal);
        Assert.NotEqual(ErrorCategory.NotSpecified, ErrorRecordFactory.ToCategory(error.Kind));
    }
}
