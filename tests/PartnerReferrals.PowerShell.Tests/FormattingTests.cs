using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>
/// The module's views as PowerShell loaded them from the format file. How they render (at 80 and 200 columns) is what a
/// person sees, tested once, in Pester (tests/Pester/Views.Tests.ps1).
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class FormattingTests(ModuleFixture module) : RunspaceTest(module)
{
    private static readonly string[] ReferralColumns = ["Id", "Status", "CreatedDate", "CustomerMarket", "CustomerName"];
    private static readonly string[] GroupColumns = ["ReferralCount", "GroupBy"];

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
