using System.Diagnostics;

namespace PartnerReferrals.Engine.Tests.Insights.Browser;

/// <summary>
/// A headless Chromium from the OS packages, started with a new empty profile and the DevTools port on 127.0.0.1.
/// Disposing kills this process (and its children) by its id, whatever the test did, and deletes the profile.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly Process process;
    private readonly string profile;

    private HeadlessChromium(Process process, string profile, Uri browserSocket)
    {
        this.process = process;
        this.profile = profile;
        BrowserSocket = browserSocket;
    }

    public Uri BrowserSocket { get; }

    public static HeadlessChromium Start()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium is not installed ({ExecutablePath} is missing), and the report must be checked in a real browser. " +
                "Install it with: apt-get update && apt-get install -y chromium");
        }

        var profile = Path.Combine(Path.GetTempPath(), "pr-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", "about:blank",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Chromium did not start.");
        // Drained so a chatty browser never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new HeadlessChromium(process, profile, WaitForSocket(process, profile));
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    public void Dispose()
    {
        Kill(process);
        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static Uri WaitForSocket(Process process, string profile)
    {
        // Chromium writes the port it chose and the browser target's path here once DevTools listens.
        var file = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before DevTools listened.");
            }

            if (File.Exists(file))
            {
                var lines = File.ReadAllLines(file);
                if (lines.Length >= 2 && int.TryParse(lines[0], out var port))
                {
                    return new Uri($"ws://127.0.0.1:{port}{lines[1]}");
                }
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("Chromium did not open its DevTools port within 60 seconds.");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
