using PartnerReferrals.Module.Tests.Support;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>
/// Each cmdlet runs to its end in a real session, the way a script calls it. Connect-PartnerReferrals once crashed
/// PowerShell with a stack overflow that no stand-in executed: these are the regression tests for that class of bug.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class CmdletRunTests(ModuleFixture module) : RunspaceTest(module)
{
    [Fact]
    public void Connect_PartnerReferrals_by_device_code_signs_in_and_writes_the_context()
    {
        Disconnect();

        var result = Session.Run(ModuleFixture.ConnectScript).AssertNoErrors();

        var context = Assert.Single(result.Output);
        Assert.Equal("PartnerReferrals.Models.PartnerReferralsContext", context.BaseObject.GetType().FullName);
        Assert.Equal("Emulator", context.Properties["Environment"].Value);
        Assert.Equal("DeviceCode", context.Properties["SignInMethod"].Value);
        Assert.Equal(Module.ClientId, context.Properties["ClientId"].Value);
        Assert.Equal(Module.Server.BaseAddress.ToString(), context.Properties["BaseUrl"].Value);
        // The device code instructions reach the user as a warning, as Az and Graph print them.
        Assert.Contains(result.Warnings, w => w.Contains("/devicelogin", StringComparison.Ordinal));
    }

    [Fact]
    public void Get_PartnerReferralsContext_writes_the_current_session_and_nothing_when_signed_out()
    {
        EnsureConnected();

        var connected = Session.Run("Get-PartnerReferralsContext").AssertNoErrors();
        Disconnect();
        var signedOut = Session.Run("Get-PartnerReferralsContext").AssertNoErrors();

        Assert.Equal("Emulator", Assert.Single(connected.Output).Properties["Environment"].Value);
        Assert.Empty(signedOut.Output);
    }

    [Fact]
    public void Get_PartnerReferral_streams_every_referral_in_the_services_order()
    {
        EnsureConnected();

        var result = Session.Run("Get-PartnerReferral").AssertNoErrors();

        Assert.Equal(Module.Server.Referrals.Select(r => r.Id), result.Output.Select(o => (string)o.Properties["Id"].Value));
        Assert.All(result.Output, o => Assert.Equal("PartnerReferrals.Models.Referral", o.BaseObject.GetType().FullName));
    }

    [Fact]
    public void Get_PartnerReferralSummary_writes_groups_whose_counts_add_up_to_the_whole_data_set()
    {
        EnsureConnected();

        var result = Session.Run("Get-PartnerReferralSummary -GroupBy status").AssertNoErrors();

        var expected = Module.Server.Referrals.GroupBy(r => r.Status).ToDictionary(g => g.Key!, g => (long)g.Count());
        var actual = result.Output.ToDictionary(o => (string)o.Properties["Status"].Value, o => (long)o.Properties["ReferralCount"].Value);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(result.Output, o => Assert.Equal("PartnerReferrals.Models.ReferralGroup", o.BaseObject.GetType().FullName));
    }

    [Fact]
    public void Get_PartnerReferralSummary_buckets_months_that_start_on_the_first_and_match_the_data()
    {
        EnsureConnected();

        var result = Session.Run("Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month").AssertNoErrors();

        var expected = Module.Server.Referrals
            .GroupBy(r => (r.Status, Month: new DateTime(r.CreatedDate!.Value.Year, r.CreatedDate.Value.Month, 1, 0, 0, 0, DateTimeKind.Utc)))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var actual = result.Output.ToDictionary(
            o => ((string?)o.Properties["Status"].Value, (DateTime)o.Properties["CreatedDate"].Value),
            o => (long)o.Properties["ReferralCount"].Value);
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(actual, pair => Assert.Equal(expected[pair.Key], pair.Value));
        Assert.All(result.Output, o => Assert.Equal("Month", o.Properties["AggregationLevel"].Value));
    }

    [Fact]
    public void Disconnect_PartnerReferrals_ends_the_session_and_PassThru_writes_the_ended_context()
    {
        EnsureConnected();

        var result = Session.Run("Disconnect-PartnerReferrals -PassThru").AssertNoErrors();

        Assert.Equal("Emulator", Assert.Single(result.Output).Properties["Environment"].Value);
        Assert.Empty(Session.Run("Get-PartnerReferralsContext").Output);
        // A second disconnect has nothing to end and says so without failing.
        var again = Session.Run("Disconnect-PartnerReferrals -Verbose").AssertNoErrors();
        Assert.Empty(again.Output);
        Assert.Contains("No session was connected.", again.Verbose);
    }

    [Fact]
    public void A_script_that_connects_queries_and_disconnects_runs_twice_in_one_session()
    {
        Disconnect();
        const string Script = ModuleFixture.ConnectScript + " | Out-Null; (Get-PartnerReferral -First 5).Count; Disconnect-PartnerReferrals";

        var first = Session.Run(Script).AssertNoErrors();
        var second = Session.Run(Script).AssertNoErrors();

        Assert.Equal(5, (int)Assert.Single(first.Output).BaseObject);
        Assert.Equal(5, (int)Assert.Single(second.Output).BaseObject);
    }

    [Fact]
    public void The_module_imports_again_with_Force_and_its_cmdlets_still_run()
    {
        EnsureConnected();

        var result = Session.Run("Import-Module -Name $manifest -Force; (Get-PartnerReferral -First 2).Count", ("manifest", Module.Manifest)).AssertNoErrors();

        Assert.Equal(2, (int)Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void Importing_the_packaged_manifest_writes_no_error_or_warning_and_loads_its_version()
    {
        var result = Session.Run("(Import-Module -Name $manifest -Force -PassThru -Verbose).Version.ToString()", ("manifest", Module.Manifest)).AssertNoErrors();

        Assert.Empty(result.Warnings);
        Assert.Equal(RepoPaths.DirectoryBuildVersion(), Assert.Single(result.Output).ToString());
        // Import-Module reports each file it processes; the views come with the Module.
        Assert.Contains(result.Verbose, v => v.Contains("PartnerReferrals.format.ps1xml", StringComparison.Ordinal));
    }
}
