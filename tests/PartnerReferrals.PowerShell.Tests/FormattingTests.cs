using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>The module's views, as PowerShell loaded them from the format file and as Format-Table and Out-String render them.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class FormattingTests(ModuleFixture module) : RunspaceTest(module)
{
    private static readonly string[] ReferralColumns = ["Id", "Status", "CustomerName", "CustomerMarket", "CustomerOrgSize", "CreatedDate"];
    private static readonly string[] GroupColumns = ["Status", "CustomerMarket", "PartnerMarket", "CustomerOrgSize", "CreatedDate", "AggregationLevel", "ReferralCount"];

    public static TheoryData<string, string[]> Views() => new()
    {
        { "PartnerReferrals.Models.Referral", ReferralColumns },
        { "PartnerReferrals.Models.ReferralGroup", GroupColumns },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void Get_FormatData_finds_a_table_view_whose_columns_are_real_properties_with_their_own_names(string typeName, string[] columns)
    {
        var result = Session.Run("""
            $view = (Get-FormatData -TypeName $typeName).FormatViewDefinition
            @($view).Count
            $view.Control.GetType().Name
            $view.Control.Headers.Label -join ','
            $view.Control.Rows[0].Columns.DisplayEntry.Value -join ','
            ($view.Control.Rows[0].Columns.DisplayEntry.Value | Where-Object { -not ($typeName -as [type]).GetProperty($_) }) -join ','
            """, ("typeName", typeName)).AssertNoErrors().Output.Select(o => o?.ToString()).ToList();

        Assert.Equal(["1", "TableControl", string.Join(",", columns), string.Join(",", columns), string.Empty], result);
    }

    [Fact]
    public void Get_FormatData_finds_a_list_view_of_the_context_with_every_property_in_declaration_order()
    {
        var result = Session.Run("""
            $view = (Get-FormatData -TypeName PartnerReferrals.Models.PartnerReferralsContext).FormatViewDefinition
            @($view).Count
            $view.Control.GetType().Name
            $view.Control.Entries[0].Items.DisplayEntry.Value -join ','
            [PartnerReferrals.Models.PartnerReferralsContext].GetProperties().Name -join ','
            """).AssertNoErrors().Output.Select(o => o?.ToString()).ToList();

        Assert.Equal(["1", "ListControl"], result[..2]);
        Assert.Equal(result[3], result[2]);
        Assert.Contains("TokenExpiresOn", result[2]!.Split(','));
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Every_output_type_of_the_cmdlet_has_a_view(string name)
    {
        foreach (var type in ModuleCommands.Get(Session, name).OutputType)
        {
            Assert.NotEmpty(Session.Run("Get-FormatData -TypeName $t", ("t", type.Name)).AssertNoErrors().Output);
        }
    }

    [Fact]
    public void Referrals_show_the_views_columns_by_default_and_in_Format_Table()
    {
        EnsureConnected();
        var first = Module.Server.Referrals[0];

        foreach (var script in new[] { "Get-PartnerReferral -First 3 | Out-String -Width 200", "Get-PartnerReferral -First 3 | Format-Table | Out-String -Width 200" })
        {
            var lines = Lines(Session.Run(script));

            Assert.Equal(ReferralColumns, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith(first.Id, lines[2], StringComparison.Ordinal);
            Assert.Contains(first.CreatedDate!.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), lines[2], StringComparison.Ordinal);
            Assert.Equal(5, lines.Count);
        }
    }

    [Fact]
    public void Format_List_shows_every_property_of_a_referral()
    {
        EnsureConnected();

        var text = string.Join("\n", Lines(Session.Run("Get-PartnerReferral -First 1 | Format-List | Out-String -Width 200")));

        foreach (var property in Session.Run("[PartnerReferrals.Models.Referral].GetProperties().Name").AssertNoErrors().Output)
        {
            Assert.Contains(property + " ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Summary_rows_show_the_group_columns_and_their_counts()
    {
        EnsureConnected();

        var lines = Lines(Session.Run("Get-PartnerReferralSummary -GroupBy status | Format-Table | Out-String -Width 200"));

        Assert.StartsWith("Status ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" ReferralCount", lines[0], StringComparison.Ordinal);
        var expected = Module.Server.Referrals.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal);
        var rows = lines.SkipWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).Skip(1);
        Assert.Equal(expected, rows.Select(l => string.Join(" ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_summary_by_status_and_month_shows_the_grouped_fields_the_month_bucket_and_the_count()
    {
        EnsureConnected();

        var lines = Lines(Session.Run("Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month | Format-Table | Out-String -Width 200"));

        // Full names, and the bucket named as a bucket; no column for a field that was not grouped.
        Assert.Equal("Status CreatedDate (month) ReferralCount", Words(lines[0]));
        var expected = Module.Server.Referrals.Where(r => r.CreatedDate is not null)
            .GroupBy(r => (r.Status, Month: r.CreatedDate!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))
            .Select(g => $"{g.Key.Status} {g.Key.Month} {g.Count()}")
            .Order(StringComparer.Ordinal);
        var rows = lines.SkipWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).Skip(1);
        Assert.Equal(expected, rows.Select(Words).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_summary_by_customer_name_shows_the_names_with_their_counts()
    {
        EnsureConnected();

        var lines = Lines(Session.Run("Get-PartnerReferralSummary -GroupBy customerName | Format-Table | Out-String -Width 200"));

        Assert.Equal("CustomerName ReferralCount", Words(lines[0]));
        // A name that fits its column, so the table does not cut it.
        var top = Module.Server.Referrals.GroupBy(r => r.CustomerName).Where(g => g.Key is { Length: <= 30 }).OrderByDescending(g => g.Count()).First();
        Assert.Contains(lines, l => l.StartsWith(top.Key + " ", StringComparison.Ordinal) && l.EndsWith(" " + top.Count(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_summary_shows_its_counts_in_an_80_column_console()
    {
        EnsureConnected();

        var lines = Lines(Session.Run("Get-PartnerReferralSummary -GroupBy status | Out-String -Width 80"));

        Assert.Contains("ReferralCount", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_context_shows_as_a_list_of_every_property_with_who_is_signed_in_where_and_until_when()
    {
        EnsureConnected();

        var lines = Lines(Session.Run("Get-PartnerReferralsContext | Out-String -Width 250"));

        var properties = Session.Run("[PartnerReferrals.Models.PartnerReferralsContext].GetProperties().Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        var entries = lines.Select(l => l.Split(" :", 2)).ToList();
        Assert.All(entries, e => Assert.Equal(2, e.Length));
        Assert.Equal(properties, entries.Select(e => e[0].TrimEnd()));
        var values = entries.ToDictionary(e => e[0].TrimEnd(), e => e[1].Trim(), StringComparer.Ordinal);
        Assert.Equal(Module.Server.TenantId, values["TenantId"]);
        Assert.Equal("Emulator", values["Environment"]);
        Assert.Equal("DeviceCode", values["SignInMethod"]);
        Assert.Equal("False", values["TokenExpired"]);
        Assert.NotEmpty(values["TokenExpiresOn"]);
    }

    /// <summary>A rendered line with its column padding collapsed to single spaces.</summary>
    private static string Words(string line) => string.Join(" ", line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The non-blank lines of what the script rendered, trailing spaces removed.</summary>
    private static List<string> Lines(ScriptResult result)
    {
        result.AssertNoErrors();
        return string.Join("\n", result.Output.Select(o => o.ToString()))
            .Split('\n')
            .Select(l => l.TrimEnd())
            .Where(l => l.Length > 0)
            .ToList();
    }
}
