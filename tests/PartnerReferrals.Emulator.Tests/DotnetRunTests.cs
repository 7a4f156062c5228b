using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>
/// Issue 21 item 6: help and about_PartnerReferrals start the emulator with <c>dotnet run --project
/// src/PartnerReferrals.Emulator -- --publish ./emulator.json</c> and then read <c>./emulator.json</c>. The Web SDK
/// made <c>dotnet run</c> start the app in the project's folder, so the file landed there instead.
/// </summary>
public sealed class DotnetRunTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string caller = Directory.CreateTempSubdirectory("emulator-caller-").FullName;

    public void Dispose() => Directory.Delete(caller, recursive: true);

    [Fact]
    public async Task A_relative_publish_path_given_through_dotnet_run_lands_in_the_callers_folder()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "PartnerReferrals.Emulator");
        var name = "emulator-" + Guid.NewGuid().ToString("N")[..8] + ".json";
        var output = new StringBuilder();
        // --no-build runs what the test build produced (the same configuration), so the test never builds
        // beside the running suite; dotnet run still decides the working folder as it does for a person.
        using var run = Start(output, caller, "run", "--no-build", "--configuration", Configuration(), "--project", project, "--",
            "--referrals", "1", "--publish", "./" + name, "--parent-process-id", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            using (var bounded = new CancellationTokenSource(Bound))
            {
                while (!Published(output) && !run.HasExited)
                {
                    await Task.Delay(100, bounded.Token);
                }
            }

            Assert.True(Published(output), "The emulator did not start: " + output);
            Assert.False(File.Exists(Path.Combine(project, name)), "The file landed in the project's folder: " + output);
            Assert.True(File.Exists(Path.Combine(caller, name)), "The file is not in the caller's folder: " + output);
            Assert.Contains("published:   " + Path.Combine(caller, name), output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!run.HasExited)
            {
                run.Kill(entireProcessTree: true);
            }

            File.Delete(Path.Combine(project, name)); // only there when the test failed
        }
    }

    private static bool Published(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString().Contains("Press Ctrl+C to stop.", StringComparison.Ordinal);
        }
    }

    // The build configuration of this test run (the emulator project is built with the same one).
    private static string Configuration() =>
        typeof(EmulatorServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static Process Start(StringBuilder output, string folder, params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PartnerReferrals.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PartnerReferrals.sln was not found above " + AppContext.BaseDirectory);
    }
}
