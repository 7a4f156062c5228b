using System.Diagnostics;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// What the PowerShell scenario needs: the pinned pwsh (the local tool's pwsh.dll, started with dotnet), the module
/// packaged from the current sources (full mode packages afresh so the commit measured is the one built; smoke mode
/// reuses artifacts/module when build.ps1 Package made one), and the worker script on disk.
/// </summary>
internal sealed record PowerShellSetup(string Dotnet, string PwshDll, string ModuleManifest, string WorkerScript, string Scratch)
{
    public static PowerShellSetup Prepare(bool packageAfresh, TextWriter log)
    {
        var root = RepositoryRoot();
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? p : "dotnet";
        var scratch = Path.Combine(Path.GetTempPath(), "PartnerReferrals.Benchmarks", "pwsh-" + Environment.ProcessId);
        Directory.CreateDirectory(scratch);
        var pwsh = Run(dotnet, root, ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", "[IO.Path]::Combine($PSHOME, 'pwsh.dll')"]).Trim();
        if (!File.Exists(pwsh))
        {
            throw new InvalidOperationException("The local tool's pwsh.dll was not found (got '" + pwsh + "'): run 'dotnet tool restore' in " + root + ".");
        }

        var existing = Directory.Exists(Path.Combine(root, "artifacts", "module", "PartnerReferrals"))
            ? Directory.GetFiles(Path.Combine(root, "artifacts", "module", "PartnerReferrals"), "PartnerReferrals.psd1", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        string manifest;
        if (!packageAfresh && existing is not null)
        {
            manifest = existing;
        }
        else
        {
            log.WriteLine("  packaging the module from the current sources...");
            var module = Path.Combine(scratch, "module", "PartnerReferrals");
            var project = Path.Combine(root, "src", "PartnerReferrals", "PartnerReferrals.csproj");
            List<string> publish = ["publish", project, "-nologo", "--configuration", "Release", "--output", Path.Combine(scratch, "publish"), "-p:ModuleLayout=" + module];
            // Smoke mode runs inside 'dotnet test' beside other test hosts that publish the same project: take the
            // solution's build as it is rather than build again under them.
            if (!packageAfresh && File.Exists(Path.Combine(root, "src", "PartnerReferrals", "bin", "Release", "netstandard2.0", "PartnerReferrals.dll")))
            {
                publish.Add("--no-build");
            }

            Run(dotnet, root, publish);
            manifest = Path.Combine(module, "PartnerReferrals.psd1");
        }

        var script = Path.Combine(scratch, "PowerShellWorker.ps1");
        using (var stream = typeof(PowerShellSetup).Assembly.GetManifestResourceStream("PowerShellWorker.ps1")!)
        using (var file = File.Create(script))
        {
            stream.CopyTo(file);
        }

        return new PowerShellSetup(dotnet, pwsh, manifest, script, scratch);
    }

    public void Clean()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder under the temp directory; nothing depends on it being gone.
        }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PartnerReferrals.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository: the PowerShell scenario needs its tool manifest and module sources.");
    }

    private static string Run(string file, string directory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(file + " " + string.Join(' ', start.ArgumentList) + " failed (" + process.ExitCode + "): " + output + error.Result);
        }

        return output;
    }
}
