using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PartnerReferrals.Emulator.Tests;

/// <summary>The command-line emulator as scripts start it: a real process, watching the process id it was given.</summary>
public sealed class ParentProcessWatchTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);
    private readonly string folder = Directory.CreateTempSubdirectory("emulator-parent-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_emulator_stops_and_removes_its_published_file_when_its_parent_process_is_killed()
    {
        using var parent = StartLongRunningProcess();
        var file = Path.Combine(folder, "emulator.json");
        var output = new StringBuilder();
        using var emulator = StartEmulator(output, "--referrals", "1", "--publish", file, "--parent-process-id", parent.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            using (var published = new CancellationTokenSource(Bound))
            {
                while (!File.Exists(file) && !emulator.HasExited)
                {
                    await Task.Delay(100, published.Token);
                }
            }

            Assert.True(File.Exists(file), "The emulator did not publish its file: " + output);

            parent.Kill();
            using (var bounded = new CancellationTokenSource(Bound))
            {
                await parent.WaitForExitAsync(bounded.Token);
                await emulator.WaitForExitAsync(bounded.Token);
            }

            Assert.Equal(0, emulator.ExitCode);
            Assert.False(File.Exists(file), "The published file outlived the emulator.");
            Assert.Contains($"The parent process {parent.Id} has exited.", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill();
            }
        }
    }

    [Fact]
    public async Task Main_exits_with_2_when_the_parent_process_is_not_running()
    {
        int gone;
        using (var parent = StartLongRunningProcess())
        {
            gone = parent.Id;
            parent.Kill();
            using var bounded = new CancellationTokenSource(Bound);
            await parent.WaitForExitAsync(bounded.Token);
        }

        Assert.Equal(2, await Program.Main(["--referrals", "1", "--publish", Path.Combine(folder, "never.json"), "--parent-process-id", gone.ToString(CultureInfo.InvariantCulture)]));
        Assert.False(File.Exists(Path.Combine(folder, "never.json")));
    }

    private static Process StartLongRunningProcess() =>
        OperatingSystem.IsWindows()
            ? Process.Start(new ProcessStartInfo("ping.exe", "-n 600 127.0.0.1") { RedirectStandardOutput = true })!
            : Process.Start(new ProcessStartInfo("sleep", "600"))!;

    private static Process StartEmulator(StringBuilder output, params string[] arguments)
    {
        // The emulator's build output sits beside the tests (a referenced executable project brings its runtimeconfig).
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PartnerReferrals.Emulator.dll"));
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
}
