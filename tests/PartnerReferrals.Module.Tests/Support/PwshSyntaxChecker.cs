namespace PartnerReferrals.Module.Tests.Support;

/// <summary>Runs tests/syntax/check-pwsh-syntax.js (tree-sitter-pwsh) on the repository or on given files.</summary>
internal static class PwshSyntaxChecker
{
    private static readonly string SyntaxDir = RepoPaths.Combine("tests", "syntax");

    public static (int ExitCode, string Output) Run(params string[] files)
    {
        if (!Directory.Exists(Path.Combine(SyntaxDir, "node_modules", "web-tree-sitter")) ||
            !Directory.Exists(Path.Combine(SyntaxDir, "node_modules", "tree-sitter-pwsh")))
        {
            Assert.Fail("The syntax checker's node modules are not installed. Run: npm ci --prefix tests/syntax");
        }

        // Liftoff only: the WebAssembly parser starts at once instead of waiting for the optimising compiler.
        string[] arguments = ["--liftoff-only", Path.Combine(SyntaxDir, "check-pwsh-syntax.js"), .. files];
        return ProcessRunner.Run("node", arguments, TimeSpan.FromMinutes(2));
    }
}
