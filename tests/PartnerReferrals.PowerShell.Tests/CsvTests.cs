using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>The pipeline users run most: Get-PartnerReferral | Export-Csv, and Import-Csv back, with PowerShell's own cmdlets.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class CsvTests : RunspaceTest
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("partnerreferrals-csv-");

    public CsvTests(ModuleFixture module)
        : base(module)
    {
        EnsureConnected();
        Session.Set("csv", Path.Combine(scratch.FullName, "referrals.csv"));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            scratch.Delete(recursive: true);
        }

        base.Dispose(disposing);
    }

    [Fact]
    public void Every_referral_round_trips_with_the_same_ids_and_values()
    {
        var result = Session.Run("""
            $referrals = @(Get-PartnerReferral)
            $referrals | Export-Csv -Path $csv -NoTypeInformation
            $rows = @(Import-Csv -Path $csv)
            $names = $referrals[0].PSObject.Properties.Name
            $rows.Count
            # Every cell against the object's value as text; a date also parses back to the same instant.
            for ($i = 0; $i -lt $rows.Count; $i++) {
                foreach ($name in $names) {
                    $value = $referrals[$i].$name
                    $expected = if ($null -eq $value) { '' } else { $value.ToString() }
                    if ($rows[$i].$name -cne $expected) { "row $i ${name}: '$($rows[$i].$name)' <> '$expected'" }
                    if ($value -is [datetime] -and [datetime]::Parse($rows[$i].$name).Ticks -ne $value.Ticks) { "row $i ${name}: date differs" }
                }
            }
            """).AssertNoErrors();

        Assert.Equal(ModuleFixture.ReferralCount, (int)result.Output[0].BaseObject);
        Assert.Empty(result.Output.Skip(1).Select(o => o.ToString()));
        var ids = Session.Run("(Import-Csv -Path $csv).Id").AssertNoErrors().Output.Select(o => o.ToString());
        Assert.Equal(Module.Server.Referrals.Select(r => r.Id), ids);
    }

    [Fact]
    public void The_header_is_the_objects_properties_and_the_file_names_no_type()
    {
        var result = Session.Run("""
            Get-PartnerReferral -First 50 | Export-Csv -Path $csv
            (Get-PartnerReferral -First 1).PSObject.Properties.Name -join ','
            """).AssertNoErrors();

        var lines = File.ReadAllLines((string)Session.Get("csv")!);
        Assert.Equal(result.Output[0].ToString(), lines[0].Replace("\"", string.Empty, StringComparison.Ordinal));
        Assert.Equal(51, lines.Length);
        Assert.DoesNotContain(lines, l => l.StartsWith("#TYPE", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("System.", StringComparison.Ordinal) || l.Contains("PartnerReferrals.", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_rows_export_their_counts()
    {
        var result = Session.Run("""
            Get-PartnerReferralSummary -GroupBy status, customerMarket | Export-Csv -Path $csv
            Import-Csv -Path $csv | Measure-Object -Property ReferralCount -Sum | ForEach-Object Sum
            (Import-Csv -Path $csv | Select-Object -First 1).GroupBy
            """).AssertNoErrors();

        Assert.Equal((double)ModuleFixture.ReferralCount, Convert.ToDouble(result.Output[0].BaseObject, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("status,customerMarket", result.Output[1].ToString());
        Assert.DoesNotContain(File.ReadAllLines((string)Session.Get("csv")!), l => l.Contains("System.", StringComparison.Ordinal));
    }

    [Fact]
    public void Imported_rows_pipe_back_into_Get_PartnerReferral_by_property_name()
    {
        var sample = Module.Server.Referrals[0];

        var result = Session.Run("Get-PartnerReferral -First 1 | Export-Csv -Path $csv; Import-Csv -Path $csv | Get-PartnerReferral").AssertNoErrors();

        var expected = Module.Server.Referrals.Where(r => r.Status == sample.Status && r.CustomerMarket == sample.CustomerMarket
            && r.PartnerMarket == sample.PartnerMarket && r.CustomerOrgSize == sample.CustomerOrgSize);
        Assert.Equal(expected.Select(r => r.Id), result.Output.Select(o => (string)o.Properties["Id"].Value));
    }
}
