using System.Diagnostics;

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

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Liftoff only: the WebAssembly parser starts at once instead of waiting for the optimising compiler.
        start.ArgumentList.Add("--liftoff-only");
        start.ArgumentList.Add(Path.Combine(SyntaxDir, "check-pwsh-syntax.js"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The syntax checker did not finish in two minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
