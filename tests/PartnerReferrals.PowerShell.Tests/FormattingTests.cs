using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>
/// The module's views as PowerShell loaded them from the format file. How they render (tables at 80 and 200 columns,
/// the lists of a referral and of the context) is what a person sees, tested once, in Pester (tests/Pester/Views.Tests.ps1).
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
}
