using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// Every PowerShell file of the repository parses (tree-sitter-pwsh, run by node), so that its result counts in
/// the test results like any other test. No PowerShell engine exists here to do it.
/// </summary>
public class SyntaxCheckTests
{
    [Fact]
    public void Every_PowerShell_file_in_the_repository_parses()
    {
        var (exitCode, output) = PwshSyntaxChecker.Run();

        Assert.True(exitCode == 0, $"PowerShell syntax errors (exit code {exitCode}):\n{output}");
        Assert.Contains("all parse", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_covers_the_manifest_build_script_and_Pester_tests()
    {
        var (_, output) = PwshSyntaxChecker.Run();
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"checked (\d+) PowerShell").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var expected = new[] { "module/PartnerReferrals.psd1", "build.ps1" }
            .Concat(Directory.Exists(RepoPaths.Combine("tests", "Pester")) ? Directory.GetFiles(RepoPaths.Combine("tests", "Pester"), "*.ps1") : [])
            .Where(f => File.Exists(Path.IsPathRooted(f) ? f : RepoPaths.Combine(f)))
            .Count();
        Assert.True(count >= expected, $"the checker saw {count} files, fewer than the {expected} known ones:\n{output}");
    }

    [Fact]
    public void A_broken_snippet_is_reported_with_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("pwsh-syntax-");
        try
        {
            var broken = Path.Combine(dir.FullName, "broken.ps1");
            File.WriteAllText(broken, "$ok = 1\nif ($ok) {\n    Get-Item -Path (\n}\n");
            var good = Path.Combine(dir.FullName, "good.psd1");
            File.WriteAllText(good, "@{\n    A = @('x', 'y')\n}\n");

            var (exitCode, output) = PwshSyntaxChecker.Run(broken, good);

            Assert.Equal(1, exitCode);
            Assert.Matches(@"broken\.ps1:\d+:\d+: ", output);
            Assert.DoesNotContain("good.psd1:", output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
