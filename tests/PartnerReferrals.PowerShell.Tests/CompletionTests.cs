using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>Tab completion as a console gets it: TabExpansion2 over the text typed so far.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class CompletionTests(ModuleFixture module) : RunspaceTest(module)
{
    private List<string> Complete(string line) =>
        Session.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", ("line", line))
            .AssertNoErrors().Output.Select(o => o.ToString()).ToList();

    [Theory]
    [InlineData("Get-PartnerReferral -Status ", 10)]
    [InlineData("Get-PartnerReferral -Status ac", 2)]
    [InlineData("Get-PartnerReferral -Status 'Ac", 2)]
    [InlineData("Get-PartnerReferral -Status W", 1)]
    [InlineData("Get-PartnerReferral -Status zz", 1)]
    [InlineData("Get-PartnerReferralSummary -GroupBy status -Status Ex", 1)]
    public void Status_completes_the_typed_prefix_ignoring_case_and_quotes(string line, int expected)
    {
        var matches = Complete(line);

        Assert.Equal(expected, matches.Count);
        Assert.All(matches, m => Assert.StartsWith(line.Split(' ')[^1].Trim('\''), m, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Status_offers_the_lifecycle_statuses_and_an_unknown_value_itself_never_a_file_name()
    {
        Assert.Equal(["Acknowledged", "Accepted"], Complete("Get-PartnerReferral -Status Ac"));
        Assert.Equal(["Won"], Complete("Get-PartnerReferral -Status w"));
        Assert.Equal(["zz"], Complete("Get-PartnerReferral -Status zz"));
    }

    [Fact]
    public void Summary_GroupBy_offers_every_field_but_the_id_and_every_dates_buckets_and_completes_each_element_of_the_list()
    {
        var properties = Session.Run("[PartnerReferrals.Models.Referral].GetProperties().Name | Where-Object { $_ -ne 'Id' }").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        var buckets = properties.Where(p => p.EndsWith("Date", StringComparison.Ordinal)).SelectMany(p => new[] { "Day", "Week", "Month" }.Select(l => p[..^4] + l));

        Assert.Equal(properties.Concat(buckets).Order(StringComparer.OrdinalIgnoreCase), Complete("Get-PartnerReferralSummary -GroupBy ").Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["status"], Complete("Get-PartnerReferralSummary -GroupBy st"));
        Assert.Equal(["createdDate", "createdDay", "createdMonth", "createdWeek", "customerMarket", "customerName", "customerOrgSize"], Complete("Get-PartnerReferralSummary -GroupBy status, c").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DateField_offers_the_ten_date_fields()
    {
        var matches = Complete("Get-PartnerReferral -DateField ");

        Assert.Equal(10, matches.Count);
        Assert.All(matches, m => Assert.EndsWith("Date", m, StringComparison.Ordinal));
        Assert.Equal(["wonDate"], Complete("Get-PartnerReferral -DateField wo"));
    }

    [Fact]
    public void CustomerOrgSize_offers_the_eight_sizes()
    {
        Assert.Equal(8, Complete("Get-PartnerReferral -CustomerOrgSize ").Count);
        Assert.Equal(["10to50employees", "1001to5000employees", "10001to20000employees"], Complete("Get-PartnerReferral -CustomerOrgSize 10"));
    }

    [Fact]
    public void Environment_ContextScope_and_AggregationLevel_complete_their_sets()
    {
        Assert.Equal(["China", "Custom", "Emulator", "Germany", "Global", "USGov"], Complete("Connect-PartnerReferrals -Environment ").Order(StringComparer.Ordinal));
        Assert.Equal(["Emulator"], Complete("Connect-PartnerReferrals -Environment em"));
        Assert.Equal(["CurrentUser", "Process"], Complete("Connect-PartnerReferrals -ContextScope ").Order(StringComparer.Ordinal));
        Assert.Equal(["Day", "Month", "Week"], Complete("Get-PartnerReferralSummary -GroupBy status -AggregationLevel ").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parameter_names_and_cmdlet_names_complete()
    {
        Assert.Equal(["-UseDeviceCode"], Complete("Connect-PartnerReferrals -UseDev"));
        Assert.Contains("-IncludeTotalCount", Complete("Get-PartnerReferral -Inc"));
        Assert.Equal(["Get-PartnerReferral", "Get-PartnerReferralSummary", "Get-PartnerReferralsContext", "Get-PartnerReferralsRefreshToken"], Complete("Get-PartnerRef").Order(StringComparer.Ordinal));
    }
}
