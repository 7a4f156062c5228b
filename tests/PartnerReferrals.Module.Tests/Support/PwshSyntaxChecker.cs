namespace PartnerReferrals.Module.Tests.Support;

/// <summary>Runs tests/syntax/check-pwsh-syntax.js (tree-sitter-pwsh) on the repository or on given files.</summary>
internal static class PwshSyntaxChecker
{
    private static readonly string SyntaxDir = RepoPaths.Combine("tests", "syntax");

    // The README's single test command is 'dotnet test': install the checker's locked node modules on first use.
    private static readonly Lazy<string?> InstallProblem = new(InstallNodeModules);

    public static (int ExitCode, string Output) Run(params string[] files)
    {
        if (InstallProblem.Value is { } problem)
        {
            Assert.Fail(problem);
        }

        // Liftoff only: the WebAssembly parser starts at once instead of waiting for the optimising compiler.
        string[] arguments = ["--liftoff-only", Path.Combine(SyntaxDir, "check-pwsh-syntax.js"), .. files];
        return ProcessRunner.Run("node", arguments, TimeSpan.FromMinutes(2));
    }

    private static string? InstallNodeModules()
    {
        if (Installed())
        {
            return null;
        }

        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var (exitCode, output) = ProcessRunner.Run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5), SyntaxDir);
        return exitCode == 0 && Installed()
            ? null
            : $"Could not install the syntax checker's node modules (npm ci exited {exitCode}). Run: npm ci --prefix tests/syntax\n{output}";
    }

    private static bool Installed() =>
        Directory.Exists(Path.Combine(SyntaxDir, "node_modules", "web-tree-sitter")) &&
        Directory.Exists(Path.Combine(SyntaxDir, "node_modules", "tree-sitter-pwsh"));
}
