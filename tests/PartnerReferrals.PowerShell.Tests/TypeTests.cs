using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>
/// The types the cmdlets write are types a script can name: [TypeName], -is and casts resolve, from the one copy of
/// PartnerReferrals.Models.dll the module loaded into the default context, while the engine stays out of reach.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class TypeTests(ModuleFixture module) : RunspaceTest(module)
{
    private List<string> Strings(string script) =>
        Session.Run(script).AssertNoErrors().Output.Select(o => o?.ToString() ?? string.Empty).ToList();

    [Fact]
    public void Written_objects_are_of_the_types_a_script_names()
    {
        EnsureConnected();

        var result = Strings("""
            $referral = Get-PartnerReferral -First 1
            $group = Get-PartnerReferralSummary -GroupBy status | Select-Object -First 1
            $context = Get-PartnerReferralsContext
            $referral -is [PartnerReferrals.Models.Referral]
            $group -is [PartnerReferrals.Models.ReferralGroup]
            $context -is [PartnerReferrals.Models.PartnerReferralsContext]
            $referral.GetType() -eq [PartnerReferrals.Models.Referral]
            """);

        Assert.Equal(["True", "True", "True", "True"], result);
    }

    [Fact]
    public void Casts_and_New_Object_build_the_output_types_in_a_script()
    {
        var result = Strings("""
            $made = [PartnerReferrals.Models.Referral]@{ Id = '42'; Status = 'Won'; CreatedDate = [datetime]'2026-01-02' }
            $made.Id; $made.Status; $made.CreatedDate.ToString('yyyy-MM-dd')
            ([PartnerReferrals.Models.ReferralGroup[]]@(@{ GroupBy = 'status'; ReferralCount = 3 })).ReferralCount
            (New-Object -TypeName PartnerReferrals.Models.PartnerReferralsContext -Property @{ Environment = 'Emulator' }).Environment
            """);

        Assert.Equal(["42", "Won", "2026-01-02", "3", "Emulator"], result);
    }

    [Fact]
    public void The_output_types_come_from_the_packaged_module_in_the_default_load_context_once()
    {
        var result = Strings("""
            $assembly = [PartnerReferrals.Models.Referral].Assembly
            $assembly.Location
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
            @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PartnerReferrals.Models' }).Count
            """);

        Assert.Equal([Path.Combine(Module.ModuleDirectory, "PartnerReferrals.Models.dll"), "Default", "1"], result);
    }

    [Fact]
    public void The_engine_loads_from_dependencies_into_the_modules_own_context_where_scripts_cannot_name_its_types()
    {
        EnsureConnected();

        var result = Strings("""
            $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PartnerReferrals.Engine' }
            @($engine).Count
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Name
            Split-Path -Leaf (Split-Path -Parent $engine.Location)
            $null -eq ('PartnerReferrals.Engine.Operations.PartnerReferralsOperations' -as [type])
            """);

        Assert.Equal(["1", "PartnerReferrals", "dependencies", "True"], result);
    }
}
