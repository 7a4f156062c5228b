using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// A real pwsh (<c>dotnet pwsh.dll</c> of the pinned local tool) running PowerShellWorker.ps1 with the packaged
/// module: the parent sends one pull per line and reads back what pwsh measured itself (wall, CPU, peak working set).
/// </summary>
internal sealed class PowerShellWorker : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task<string> errors;

    private PowerShellWorker(Process process)
    {
        this.process = process;
        errors = process.StandardError.ReadToEndAsync();
    }

    public static async Task<PowerShellWorker> StartAsync(PowerShellSetup setup, EmulatorProcess emulator)
    {
        var start = new ProcessStartInfo(setup.Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { setup.PwshDll, "-NoProfile", "-NonInteractive", "-File", setup.WorkerScript, "-ModuleManifest", setup.ModuleManifest, "-Scratch", setup.Scratch })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[Connection.TokenVariable] = emulator.Connection.Token;
        start.Environment["PARTNERREFERRALS_BENCH_EMULATOR_FILE"] = emulator.PublishFile;
        var worker = new PowerShellWorker(Process.Start(start) ?? throw new InvalidOperationException("Could not start pwsh."));
        await worker.ReadAsync("READY", TimeSpan.FromMinutes(2));
        return worker;
    }

    /// <summary>One pull of <paramref name="kind"/> (see PowerShellWorker.ps1); throttle 0 keeps the default.</summary>
    public async Task<PowerShellResult> PullAsync(string kind, int rows, int pageSize, int throttle = 0, long? expectedRows = null)
    {
        await process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{kind} {rows} {pageSize} {throttle}"));
        await process.StandardInput.FlushAsync();
        var line = await ReadAsync("RESULT ", TimeSpan.FromMinutes(20));
        var result = JsonSerializer.Deserialize<PowerShellResult>(line, ChildJson.Options)!;
        Measure.Check("pwsh " + kind, result.Rows, expectedRows ?? rows);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await process.StandardInput.WriteLineAsync("exit");
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            process.Kill();
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task<string> ReadAsync(string prefix, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(wait.Token);
            if (line is null)
            {
                throw new InvalidOperationException("pwsh exited before it answered: " + await errors);
            }

            if (line.StartsWith("FAILED ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The pull failed in pwsh: " + line["FAILED ".Length..]);
            }

            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }
    }
}

/// <summary>What pwsh measured of one pull, in its own process.</summary>
internal sealed record PowerShellResult(string Kind, double Seconds, double CpuSeconds, long WorkingSetBeforeBytes, long PeakWorkingSetBytes, long Rows, long FileBytes);
