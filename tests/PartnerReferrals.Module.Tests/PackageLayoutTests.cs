using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The explicit file list that build.ps1 Package lays out (src/PartnerReferrals/PackageFiles.psd1) matches what
/// is published and what module/ holds, so Package cannot fail or ship a stray file on a machine with pwsh.
/// </summary>
public class PackageLayoutTests
{
    private static readonly Lazy<IDictionary<string, object?>> Files =
        new(() => PowerShellDataReader.ParseHashtable(File.ReadAllText(RepoPaths.Combine("src", "PartnerReferrals", "PackageFiles.psd1"))));

    private static List<string> List(string key) => ((List<object?>)Files.Value[key]!).Cast<string>().ToList();

    [Fact]
    public void Module_files_are_exactly_the_files_in_module_folder()
    {
        var moduleDir = RepoPaths.Combine("module");
        var present = Directory.GetFiles(moduleDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(moduleDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(present, List("ModuleFiles").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Listed_assemblies_are_exactly_the_published_ones()
    {
        var output = Directory.CreateTempSubdirectory("partnerreferrals-publish-");
        try
        {
            var (exitCode, log) = ProcessRunner.Run(
                "dotnet",
                [
                    "publish", RepoPaths.Combine("src", "PartnerReferrals", "PartnerReferrals.csproj"),
                    "--configuration", BuildConfiguration, "--no-build", "--output", output.FullName,
                ],
                TimeSpan.FromMinutes(3));
            Assert.True(exitCode == 0, log);

            var published = Directory.GetFiles(output.FullName, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.Equal(List("Assemblies").Order(StringComparer.Ordinal), published);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void PowerShell_itself_is_never_shipped()
    {
        Assert.DoesNotContain(List("Assemblies"), a => a.StartsWith("System.Management.Automation", StringComparison.OrdinalIgnoreCase));
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
