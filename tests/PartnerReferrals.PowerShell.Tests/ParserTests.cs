using System.Management.Automation.Language;
using PartnerReferrals.Module.Tests.Support;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>PowerShell's own parser over every PowerShell file of the repository and every example in the help.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class ParserTests
{
    private static readonly string[] Extensions = [".ps1", ".psm1", ".psd1"];
    private static readonly string[] Skipped = ["bin", "obj", "artifacts", "node_modules", ".git", "TestResults"];
    private readonly ModuleFixture module;

    public ParserTests(ModuleFixture module)
    {
        this.module = module;
    }

    /// <summary>Every .ps1, .psm1 and .psd1 below the repository root, outside build output.</summary>
    public static TheoryData<string> PowerShellFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryFiles())
        {
            data.Add(Relative(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PowerShellFiles))]
    public void The_file_parses_without_errors(string file)
    {
        Parser.ParseFile(RepoPaths.Combine(file), out _, out var errors);

        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{file}:{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber}: {e.Message}")));
    }

    [Fact]
    public void The_files_checked_include_the_build_script_the_manifest_and_the_Pester_tests()
    {
        var files = RepositoryFiles().Select(Relative).ToList();

        Assert.Contains("build.ps1", files);
        Assert.Contains("module/PartnerReferrals.psd1", files);
        var pester = Directory.GetFiles(RepoPaths.Combine("tests", "Pester"), "*.ps*1").Select(f => "tests/Pester/" + Path.GetFileName(f)).ToList();
        Assert.NotEmpty(pester);
        Assert.All(pester, f => Assert.Contains(f, files));
    }

    [Fact]
    public void The_parser_reports_a_broken_script_with_its_line()
    {
        // Proves the check above can fail: an unclosed parenthesis inside an if block.
        Parser.ParseInput("$ok = 1\nif ($ok) {\n    Get-Item -Path (\n}\n", out _, out var errors);

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Extent.StartLineNumber >= 3);
    }

    [Fact]
    public void Every_example_in_the_packaged_help_parses()
    {
        using var session = module.Session();
        var examples = session.Run("Get-Command -Module PartnerReferrals | ForEach-Object { (Get-Help -Name $_.Name).examples.example } | ForEach-Object { $_.code -join [Environment]::NewLine }")
            .AssertNoErrors().Output.Select(o => o.ToString()).ToList();

        Assert.True(examples.Count >= ModuleCommands.Names.Length, $"only {examples.Count} examples");
        Assert.All(examples, code =>
        {
            Parser.ParseInput(code, out _, out var errors);
            Assert.True(errors.Length == 0, $"{string.Join("; ", errors.Select(e => e.Message))}\n{code}");
        });
    }

    private static string Relative(string file) => Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');

    private static IEnumerable<string> RepositoryFiles()
    {
        var pending = new Stack<string>([RepoPaths.Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.GetDirectories(dir).Where(d => !Skipped.Contains(Path.GetFileName(d), StringComparer.OrdinalIgnoreCase)))
            {
                pending.Push(sub);
            }

            foreach (var file in Directory.GetFiles(dir).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }
}
