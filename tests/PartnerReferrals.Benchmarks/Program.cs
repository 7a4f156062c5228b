namespace PartnerReferrals.Benchmarks;

/// <summary>
/// <c>--full</c> writes docs/benchmarks.md (or <c>--out FILE</c>); <c>--smoke</c> runs small sizes and prints the
/// report (or writes it to <c>--out</c>); <c>--ab OTHER.psd1</c> [<c>--rows N</c>] [<c>--rounds R</c>] compares the
/// packaged module with another package of it in pwsh (ModuleComparison). The <c>--child</c> forms are started by the benchmark itself.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CommandLine command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (command.Child is not null)
        {
            return await ChildMain.RunAsync(command);
        }

        if (command.Optional("--ab") is { } otherManifest)
        {
            var rows = command.Optional("--rows") is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            var rounds = command.Optional("--rounds") is { } count ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 5;
            Console.Out.WriteLine(await ModuleComparison.RunAsync(otherManifest, rows, rounds, Console.Out));
            return 0;
        }

        var full = command.Has("--full");
        if (full == command.Has("--smoke"))
        {
            await Console.Error.WriteLineAsync("Give one of --full (writes docs/benchmarks.md, several minutes) or --smoke (small sizes, seconds).");
            return 2;
        }

        var settings = full ? BenchSettings.Full : BenchSettings.Smoke;
        var report = await BenchmarkSuite.RunAsync(settings, full ? BenchmarkSuite.FullCommand : BenchmarkSuite.SmokeCommand, Console.Out);
        var markdown = report.ToMarkdown(MachineInfo.Current);
        var output = command.Optional("--out") ?? (full ? DefaultReportPath() : null);
        if (output is null)
        {
            Console.Out.WriteLine(markdown);
        }
        else
        {
            // A run takes minutes: never lose it to a missing folder.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, markdown + KeptSection(output));
            Console.Out.WriteLine("Wrote " + Path.GetFullPath(output));
        }

        foreach (var target in report.Targets)
        {
            Console.Out.WriteLine(BenchReport.Invariant($"{(target.Met ? "met    " : "NOT MET")}  {target.Name}: {target.Measured:0.00} (limit {target.Limit:0.00})"));
        }

        return 0;
    }

    /// <summary>
    /// The A/B measurements of the hand-written fast paths (written from <c>--ab</c> runs, not by <c>--full</c>), kept
    /// when a full run rewrites the file.
    /// </summary>
    private static string KeptSection(string path)
    {
        const string Heading = "\n## Speed code: ";
        var existing = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var at = existing.IndexOf(Heading, StringComparison.Ordinal);
        return at < 0 ? string.Empty : existing.Substring(at);
    }

    /// <summary>docs/benchmarks.md of the repository that holds the current directory.</summary>
    private static string DefaultReportPath()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PartnerReferrals.sln")))
            {
                return Path.Combine(directory.FullName, "docs", "benchmarks.md");
            }
        }

        throw new InvalidOperationException("Run from inside the repository, or give --out FILE.");
    }
}
