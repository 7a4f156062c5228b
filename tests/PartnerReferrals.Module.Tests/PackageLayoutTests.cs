using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The explicit file list (src/PartnerReferrals/PackageFiles.props) matches what is published and what module/
/// holds, and the layout target (ModuleLayout.targets, which build.ps1 Package runs) puts the cmdlets at the top and
/// the engine with every third-party assembly in dependencies/, refusing any assembly nobody listed.
/// </summary>
public class PackageLayoutTests
{
    private static readonly string[] TopLevelContent = ["PartnerReferrals.psd1", "PartnerReferrals.format.ps1xml", "LICENSE"];

    [Fact]
    public void Module_files_are_exactly_the_files_in_module_folder_but_the_help_sources()
    {
        var moduleDir = RepoPaths.Combine("module");
        var present = Directory.GetFiles(moduleDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(moduleDir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("help/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(present, PackagedModule.ListedFiles("ModuleContentFile").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_layout_writes_the_help_generated_from_the_cmdlets_and_module_help_and_ships_none_of_its_sources()
    {
        var help = Path.Combine(PackagedModule.Current.ModuleDirectory, "en-US", "PartnerReferrals.dll-Help.xml");
        Assert.True(File.Exists(help));
        Assert.Contains("<command:name>Get-PartnerReferral</command:name>", File.ReadAllText(help), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(PackagedModule.Current.ModuleDirectory, "*.md", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(PackagedModule.Current.ModuleDirectory, "*.ps1", SearchOption.AllDirectories));
    }

    [Fact]
    public void Listed_assemblies_are_exactly_the_published_ones()
    {
        var listed = PackagedModule.ListedFiles("ModuleTopLevelAssembly").Concat(PackagedModule.ListedFiles("ModuleDependencyAssembly"));
        var published = Directory.GetFiles(PackagedModule.Current.PublishDirectory, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.Equal(listed.Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_cmdlet_and_output_type_assemblies_sit_at_the_top_of_the_module_folder()
    {
        string[] topAssemblies = ["PartnerReferrals.dll", "PartnerReferrals.Models.dll"];
        Assert.Equal(topAssemblies, PackagedModule.ListedFiles("ModuleTopLevelAssembly"));
        var top = Directory.GetFiles(PackagedModule.Current.ModuleDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(TopLevelContent.Concat(topAssemblies).Order(StringComparer.Ordinal), top);
    }

    [Fact]
    public void The_engine_and_every_third_party_assembly_sit_in_dependencies()
    {
        var dependencies = Directory.GetFiles(PackagedModule.Current.DependencyDirectory).Select(Path.GetFileName).ToList();
        Assert.Contains("PartnerReferrals.Engine.dll", dependencies);
        Assert.Contains("Microsoft.Identity.Client.dll", dependencies);
        Assert.Contains("Microsoft.IdentityModel.Abstractions.dll", dependencies);
        Assert.Equal(PackagedModule.ListedFiles("ModuleDependencyAssembly").Order(StringComparer.Ordinal), dependencies.Order(StringComparer.Ordinal));
        Assert.Equal(["dependencies", "en-US"], Directory.GetDirectories(PackagedModule.Current.ModuleDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Layout_fails_on_a_published_assembly_nobody_listed()
    {
        using var scratch = new ScratchPublish();
        File.Copy(Path.Combine(scratch.Publish, "System.Memory.dll"), Path.Combine(scratch.Publish, "Surprise.Dependency.dll"));

        var (exitCode, output) = PackagedModule.LayOut(scratch.Publish, scratch.Module);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PRMOD003", output, StringComparison.Ordinal);
        Assert.Contains("Unexpected assemblies in the published output: Surprise.Dependency.dll", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.Module), "nothing may be laid out when the check fails");
    }

    [Fact]
    public void Layout_fails_when_a_listed_assembly_was_not_published()
    {
        using var scratch = new ScratchPublish();
        File.Delete(Path.Combine(scratch.Publish, "Microsoft.IdentityModel.Abstractions.dll"));

        var (exitCode, output) = PackagedModule.LayOut(scratch.Publish, scratch.Module);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PRMOD004", output, StringComparison.Ordinal);
        Assert.Contains("Microsoft.IdentityModel.Abstractions.dll", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_license_the_manifest_names_ships_at_the_top_of_the_module_folder()
    {
        Assert.Equal(["LICENSE"], PackagedModule.ListedFiles("ModuleRootFile"));
        Assert.Equal(File.ReadAllText(RepoPaths.Combine("LICENSE")), File.ReadAllText(Path.Combine(PackagedModule.Current.ModuleDirectory, "LICENSE")));
        Assert.StartsWith("MIT License", File.ReadAllText(RepoPaths.Combine("LICENSE")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_laid_out_manifest_carries_a_byte_order_mark_for_Windows_PowerShell()
    {
        // Windows PowerShell 5.1 reads a .psd1 without one in the ANSI code page (the release notes may hold any text).
        var bytes = File.ReadAllBytes(Path.Combine(PackagedModule.Current.ModuleDirectory, "PartnerReferrals.psd1"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
    }

    [Fact]
    public void Layout_fails_when_the_newest_CHANGELOG_entry_is_not_the_version_laid_out()
    {
        using var scratch = new ScratchPublish();

        var (exitCode, output) = PackagedModule.LayOut(scratch.Publish, scratch.Module, "-p:Version=99.0.0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PRMOD005", output, StringComparison.Ordinal);
        Assert.Contains("add a '## 99.0.0' entry on top", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerShell_itself_is_never_shipped()
    {
        Assert.DoesNotContain(PackagedModule.ListedFiles("ModuleDependencyAssembly"), a => a.StartsWith("System.Management.Automation", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(Directory.GetFiles(PackagedModule.Current.ModuleDirectory, "System.Management.Automation*", SearchOption.AllDirectories));
    }

    /// <summary>A copy of the shared publish folder that a test may spoil, and a module folder that should stay unmade.</summary>
    private sealed class ScratchPublish : IDisposable
    {
        private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("partnerreferrals-layout-");

        public ScratchPublish()
        {
            Publish = Path.Combine(root.FullName, "publish");
            Module = Path.Combine(root.FullName, "module");
            Directory.CreateDirectory(Publish);
            foreach (var file in Directory.GetFiles(PackagedModule.Current.PublishDirectory))
            {
                File.Copy(file, Path.Combine(Publish, Path.GetFileName(file)));
            }
        }

        public string Publish { get; }

        public string Module { get; }

        public void Dispose() => root.Delete(recursive: true);
    }
}
