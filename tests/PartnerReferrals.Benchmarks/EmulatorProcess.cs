using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// The parent's handle on the emulator child: it starts <c>--child emulator</c>, reads where the emulator
/// listens, and sets its injected latency through a one-line command protocol on standard input.
/// Closing standard input stops the child.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process process;

    private EmulatorProcess(Process process, Connection connection, string publishFile)
    {
        this.process = process;
        Connection = connection;
        PublishFile = publishFile;
    }

    public Connection Connection { get; }

    /// <summary>The emulator's discovery file (the module's -EmulatorFile).</summary>
    public string PublishFile { get; }

    public int ProcessId => process.Id;

    public static async Task<EmulatorProcess> StartAsync(int rows)
    {
        var process = ChildProcess.Start(["--child", "emulator", "--rows", rows.ToString(CultureInfo.InvariantCulture)]);
        _ = process.StandardError.ReadToEndAsync();
        var line = await ReadReplyAsync(process, "READY ", TimeSpan.FromMinutes(3));
        var ready = JsonSerializer.Deserialize<EmulatorReady>(line, ChildJson.Options)
            ?? throw new InvalidOperationException("The emulator child sent an empty READY line.");
        return new EmulatorProcess(process, new Connection(new Uri(ready.BaseAddress), ready.Thumbprint, ready.Token), ready.PublishFile);
    }

    /// <summary>Sets the delay the emulator adds to every referrals request, and waits until it is in force.</summary>
    public async Task SetLatencyAsync(TimeSpan latency)
    {
        await process.StandardInput.WriteLineAsync("latency " + ((long)latency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        await process.StandardInput.FlushAsync();
        await ReadReplyAsync(process, "OK", TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var wait = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }
        finally
        {
            process.Dispose();
        }
    }

    private static async Task<string> ReadReplyAsync(Process process, string prefix, TimeSpan timeout)
    {
        using var wait = new System.Threading.CancellationTokenSource(timeout);
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(wait.Token)
                ?? throw new InvalidOperationException("The emulator child exited before it answered (exit code " + (process.HasExited ? process.ExitCode : -1) + ").");
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }
    }
}

/// <summary>What the emulator child reports once it listens.</summary>
public sealed record EmulatorReady(string BaseAddress, string Thumbprint, string Token, string PublishFile);

internal static class ChildJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
