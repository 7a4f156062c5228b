using System.Collections;
using System.Management.Automation;
using PartnerReferrals.Module.Tests.Support;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>The packaged manifest as Test-ModuleManifest and Import-PowerShellDataFile read it.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class ManifestTests : RunspaceTest
{
    // No import: these tests read the manifest the way PowerShellGet and Import-Module do before loading anything.
    public ManifestTests(ModuleFixture module)
        : base(module, importModule: false)
    {
        Session.Set("manifest", Module.Manifest);
    }

    private PSModuleInfo TestModuleManifest() =>
        Assert.IsType<PSModuleInfo>(Assert.Single(Session.Run("Test-ModuleManifest -Path $manifest").AssertNoErrors().Output).BaseObject);

    private Hashtable DataFile() =>
        Assert.IsType<Hashtable>(Assert.Single(Session.Run("Import-PowerShellDataFile -Path $manifest").AssertNoErrors().Output).BaseObject);

    [Fact]
    public void Test_ModuleManifest_accepts_it_with_the_version_of_Directory_Build_props()
    {
        var manifest = TestModuleManifest();

        Assert.Equal(new Version(RepoPaths.DirectoryBuildVersion()), manifest.Version);
        Assert.Equal(RepoPaths.DirectoryBuildVersion(), DataFile()["ModuleVersion"]);
    }

    [Fact]
    public void It_exports_exactly_the_cmdlets_the_root_module_assembly_holds()
    {
        // Imported on its own, a binary module exports every cmdlet it has: the manifest must list all of them.
        using var bare = PowerShellSession.Start(Module.Manifest, importModule: false);
        var inAssembly = bare.Run("(Import-Module -Name $dll -PassThru -ErrorAction Stop).ExportedCmdlets.Keys", ("dll", Path.Combine(Module.ModuleDirectory, "PartnerReferrals.dll")))
            .AssertNoErrors().Output.Select(o => (string)o.BaseObject).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ModuleCommands.Names.Order(StringComparer.Ordinal), inAssembly);
        Assert.Equal(inAssembly, TestModuleManifest().ExportedCmdlets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(inAssembly, Strings(DataFile()["CmdletsToExport"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void It_exports_no_functions_aliases_or_variables_and_no_wildcards()
    {
        var data = DataFile();
        var manifest = TestModuleManifest();

        Assert.Empty(manifest.ExportedFunctions);
        Assert.Empty(manifest.ExportedAliases);
        Assert.Empty(manifest.ExportedVariables);
        foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport", "CmdletsToExport" })
        {
            Assert.True(data.ContainsKey(key), key + " is missing: PowerShell would then export everything");
            Assert.DoesNotContain(Strings(data[key]), name => name.Contains('*', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void It_runs_on_Windows_PowerShell_5_1_and_PowerShell_7()
    {
        var manifest = TestModuleManifest();

        Assert.Equal(["Core", "Desktop"], manifest.CompatiblePSEditions.Order(StringComparer.Ordinal));
        Assert.Equal(new Version(5, 1), manifest.PowerShellVersion);
    }

    [Fact]
    public void The_root_module_the_output_types_and_the_format_file_are_files_of_the_package()
    {
        var manifest = TestModuleManifest();
        var data = DataFile();

        Assert.Equal("PartnerReferrals.dll", data["RootModule"]);
        Assert.True(File.Exists(Path.Combine(Module.ModuleDirectory, (string)data["RootModule"]!)));
        Assert.Equal(["PartnerReferrals.Models.dll"], Strings(data["RequiredAssemblies"]));
        Assert.All(manifest.RequiredAssemblies, a => Assert.True(File.Exists(Path.Combine(Module.ModuleDirectory, a)), a));
        var format = Assert.Single(manifest.ExportedFormatFiles);
        Assert.Equal(Path.Combine(Module.ModuleDirectory, "PartnerReferrals.format.ps1xml"), format);
        Assert.True(File.Exists(format));
    }

    [Fact]
    public void It_carries_the_gallery_metadata()
    {
        var manifest = TestModuleManifest();

        Assert.NotEqual(Guid.Empty, manifest.Guid);
        Assert.False(string.IsNullOrWhiteSpace(manifest.Author));
        Assert.False(string.IsNullOrWhiteSpace(manifest.Description));
        Assert.False(string.IsNullOrWhiteSpace(manifest.Copyright));
        Assert.NotEmpty(manifest.Tags);
        Assert.True(manifest.LicenseUri?.IsAbsoluteUri);
        Assert.True(manifest.ProjectUri?.IsAbsoluteUri);
    }

    private static IEnumerable<string> Strings(object? value) =>
        value switch
        {
            object[] array => array.Cast<string>(),
            string one => [one],
            _ => throw new InvalidOperationException("not a list of names: " + value),
        };
}
