using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>The manifest is read as data, as Import-PowerShellDataFile would, and checked against the assembly.</summary>
public class ManifestTests
{
    private static readonly Lazy<IDictionary<string, object?>> Manifest =
        new(() => PowerShellDataReader.ParseHashtable(File.ReadAllText(RepoPaths.ModuleFile("PartnerReferrals.psd1"))));

    private static IEnumerable<string> Strings(string key) =>
        Assert.IsType<List<object?>>(Manifest.Value[key]).Cast<string>();

    [Fact]
    public void CmdletsToExport_lists_exactly_the_cmdlets_in_the_assembly()
    {
        Assert.Equal(
            CmdletMetadata.All.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal),
            Strings("CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void ModuleVersion_equals_the_Version_in_Directory_Build_props()
    {
        Assert.Equal(RepoPaths.DirectoryBuildVersion(), Manifest.Value["ModuleVersion"]);
    }

    [Fact]
    public void Runs_on_Windows_PowerShell_5_1_and_PowerShell_7()
    {
        Assert.Equal(["Core", "Desktop"], Strings("CompatiblePSEditions").Order(StringComparer.Ordinal));
        Assert.Equal("5.1", Manifest.Value["PowerShellVersion"]);
    }

    [Fact]
    public void Exports_no_functions_aliases_or_variables_by_wildcard()
    {
        foreach (var key in new[] { "FunctionsToExport", "AliasesToExport", "VariablesToExport", "CmdletsToExport" })
        {
            Assert.DoesNotContain(Strings(key), name => name.Contains('*', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Root_module_and_format_files_are_files_the_package_ships()
    {
        Assert.Equal("PartnerReferrals.dll", Manifest.Value["RootModule"]);
        foreach (var format in Strings("FormatsToProcess"))
        {
            Assert.True(File.Exists(RepoPaths.ModuleFile(format)), $"{format} is missing from module/");
        }
    }

    [Fact]
    public void Carries_the_gallery_metadata()
    {
        Assert.True(Guid.TryParse((string?)Manifest.Value["GUID"], out _));
        foreach (var key in new[] { "Author", "Description", "Copyright" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)Manifest.Value[key]), key);
        }

        var privateData = Assert.IsType<Dictionary<string, object?>>(Manifest.Value["PrivateData"]);
        var psData = Assert.IsType<Dictionary<string, object?>>(privateData["PSData"]);
        Assert.NotEmpty(Assert.IsType<List<object?>>(psData["Tags"]));
        foreach (var key in new[] { "LicenseUri", "ProjectUri" })
        {
            Assert.True(Uri.TryCreate((string?)psData[key], UriKind.Absolute, out _), key);
        }
    }
}

/// <summary>The reader must accept manifests as PowerShell writes them and refuse anything that would execute.</summary>
public class PowerShellDataReaderTests
{
    [Fact]
    public void Reads_nested_hashtables_arrays_strings_numbers_and_constants()
    {
        var data = PowerShellDataReader.ParseHashtable("""
            # comment
            @{
                A = 'it''s'; B = "q""uote"
                C = @('x', 'y'
                      'z')
                'D E' = 1, 2
                F = @{ G = $true; H = $null }   <# block #>
                I = @()
                J = 1.5
            }
            """);
        Assert.Equal("it's", data["a"]);
        Assert.Equal("q\"uote", data["B"]);
        Assert.Equal(new object?[] { "x", "y", "z" }, (List<object?>)data["C"]!);
        Assert.Equal(new object?[] { 1L, 2L }, (List<object?>)data["D E"]!);
        var f = (IDictionary<string, object?>)data["F"]!;
        Assert.Equal(true, f["G"]);
        Assert.Null(f["H"]);
        Assert.Empty((List<object?>)data["I"]!);
        Assert.Equal(1.5, data["J"]);
    }

    [Theory]
    [InlineData("@{ A = $env:USERNAME }")]
    [InlineData("@{ A = \"$(Get-Date)\" }")]
    [InlineData("@{ A = Get-Date }")]
    [InlineData("@{ A = 'x' B = 'y' }")]
    [InlineData("@{ A = 'x'; A = 'y' }")]
    [InlineData("@{ A = 'x'")]
    public void Refuses_what_is_not_plain_data(string text)
    {
        Assert.Throws<FormatException>(() => PowerShellDataReader.Parse(text));
    }
}
