using System.Globalization;
using System.Management.Automation;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>-First, -Skip and -IncludeTotalCount (PowerShell's SupportsPaging) and -PageSize, checked against what the emulator received.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class PagingTests : RunspaceTest
{
    public PagingTests(ModuleFixture module)
        : base(module)
    {
        EnsureConnected();
    }

    private IEnumerable<string> Ids(int skip, int take) => Module.Server.Referrals.Skip(skip).Take(take).Select(r => r.Id);

    private static IEnumerable<string> OutputIds(ScriptResult result) =>
        result.Output.Where(o => o.Properties["Id"] is not null).Select(o => (string)o.Properties["Id"].Value);

    [Fact]
    public void First_returns_the_first_rows_and_asks_for_no_page_after_them()
    {
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferral -First 10 -PageSize 4").AssertNoErrors();

        Assert.Equal(Ids(0, 10), OutputIds(result));
        var requests = Module.Server.Requests.Since(before);
        Assert.Equal(3, requests.Count);
        Assert.Equal(10, requests.Sum(r => int.Parse(r.Query()["top"]!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void First_equal_to_the_page_size_is_one_request()
    {
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferral -First 25 -PageSize 25").AssertNoErrors();

        Assert.Equal(Ids(0, 25), OutputIds(result));
        Assert.Equal("25", Assert.Single(Module.Server.Requests.Since(before)).Query()["top"]);
    }

    [Fact]
    public void Skip_starts_the_window_on_the_service_side()
    {
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferral -Skip 5 -First 5").AssertNoErrors();

        Assert.Equal(Ids(5, 5), OutputIds(result));
        var request = Assert.Single(Module.Server.Requests.Since(before));
        Assert.Equal("5", request.Query()["skip"]);
        Assert.Equal("5", request.Query()["top"]);
    }

    [Fact]
    public void Skip_alone_returns_the_rest()
    {
        var result = Session.Run("Get-PartnerReferral -Skip 590").AssertNoErrors();

        Assert.Equal(Ids(590, 10), OutputIds(result));
    }

    [Fact]
    public void IncludeTotalCount_writes_PowerShells_total_count_object_before_the_rows()
    {
        var result = Session.Run("$all = Get-PartnerReferral -IncludeTotalCount -Skip 2 -First 3; $all; $all[0].ToString()").AssertNoErrors();

        Assert.Equal(5, result.Output.Count);
        var count = result.Output[0];
        Assert.Equal((ulong)ModuleFixture.ReferralCount, Assert.IsType<ulong>(count.BaseObject));
        // PagingParameters.NewTotalCount: an Accuracy note and a ToString that says what the number is.
        Assert.Equal(1.0, (double)count.Properties["Accuracy"].Value);
        Assert.Equal("Total count: " + ModuleFixture.ReferralCount, result.Output[4].BaseObject);
        Assert.Equal(Ids(2, 3), OutputIds(result));
    }

    [Fact]
    public void PageSize_sets_top_on_every_request_and_changes_no_row()
    {
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferral -PageSize 50").AssertNoErrors();

        Assert.Equal(Module.Server.Referrals.Select(r => r.Id), OutputIds(result));
        var requests = Module.Server.Requests.Since(before);
        Assert.Equal(ModuleFixture.ReferralCount / 50, requests.Count);
        Assert.All(requests, r => Assert.Equal("50", r.Query()["top"]));
        Assert.Equal(
            Enumerable.Range(0, ModuleFixture.ReferralCount / 50).Select(i => i * 50),
            requests.Select(r => int.Parse(r.Query()["skip"] ?? "0", CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public void Without_PageSize_a_result_under_1000_rows_takes_one_request()
    {
        var before = Module.Server.Requests.Count;

        var result = Session.Run("(Get-PartnerReferral).Count").AssertNoErrors();

        // The first page of a pull asks for 1,000 rows (the first row comes sooner); the fixture's 600 fit in it.
        Assert.Equal(ModuleFixture.ReferralCount, (int)Assert.Single(result.Output).BaseObject);
        Assert.Equal("1000", Assert.Single(Module.Server.Requests.Since(before)).Query()["top"]);
    }

    [Fact]
    public void Select_Object_First_downstream_stops_the_paging()
    {
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferral -PageSize 10 | Select-Object -First 3").AssertNoErrors();

        Assert.Equal(Ids(0, 3), OutputIds(result));
        // The engine reads ahead (up to 1024 rows) while the pipeline is busy, but nothing is sent once it has stopped.
        Module.AssertNoFurtherRequests();
        Assert.InRange(Module.Server.Requests.Count - before, 1, ModuleFixture.ReferralCount / 10);
    }

    [Fact]
    public void The_first_rows_reach_the_pipeline_before_the_last_page_is_requested()
    {
        Module.Server.Faults.Latency = TimeSpan.FromMilliseconds(20);
        var before = Module.Server.Requests.Count;
        var requestsAtFirstRow = -1;
        using var shell = Session.NewShell();
        shell.AddScript("Get-PartnerReferral -PageSize 20");
        using var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, e) =>
        {
            if (e.Index == 0)
            {
                requestsAtFirstRow = Module.Server.Requests.Count - before;
            }
        };

        shell.Invoke(null, output);

        var pages = ModuleFixture.ReferralCount / 20;
        Assert.Equal(ModuleFixture.ReferralCount, output.Count);
        Assert.Equal(pages, Module.Server.Requests.Count - before);
        Assert.InRange(requestsAtFirstRow, 1, pages / 2);
    }
}
