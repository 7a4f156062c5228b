using System.Management.Automation;

namespace PartnerReferrals.PowerShell.Tests.Support;

/// <summary>The module's cmdlets as Get-Command describes them in a session that imported the packaged module.</summary>
internal static class ModuleCommands
{
    public static readonly string[] Names =
    [
        "Connect-PartnerReferrals", "Disconnect-PartnerReferrals", "Get-PartnerReferral", "Get-PartnerReferralSummary", "Get-PartnerReferralsContext", "Get-PartnerReferralsRefreshToken",
        "Measure-PartnerReferral", "Export-PartnerReferralReport", "Export-PartnerReferral", "Get-PartnerCoSellReferral", "Update-PartnerCoSellReferral", "New-PartnerCoSellReferral",
    ];

    public static readonly string[] PagingParameters = ["First", "Skip", "IncludeTotalCount"];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static CmdletInfo Get(PowerShellSession session, string name)
    {
        var result = session.Run("Get-Command -Name $name -Module PartnerReferrals", ("name", name)).AssertNoErrors();
        return Assert.IsType<CmdletInfo>(Assert.Single(result.Output).BaseObject);
    }

    public static bool IsCommon(string name) =>
        Cmdlet.CommonParameters.Contains(name) || Cmdlet.OptionalCommonParameters.Contains(name);

    /// <summary>What help describes: every parameter but the common ones, and -WhatIf and -Confirm where ShouldProcess adds them, as PowerShell's own help does.</summary>
    public static bool IsShownInHelp(string name) => !IsCommon(name) || name is "WhatIf" or "Confirm";
}
