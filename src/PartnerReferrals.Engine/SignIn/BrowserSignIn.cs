using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// The default sign-in in a browser, made safe where none can open (SSH, containers, runbook hosts). The module opens
/// the browser itself rather than leaving it to MSAL, so it prints the address first (as Az does) and sees a failure
/// to open one; where no browser can open it signs in with a device code instead, after a warning saying why (as
/// Microsoft.Graph does); and a browser that opened but where nobody signs in ends the wait after a bounded time.
/// </summary>
internal static class BrowserSignIn
{
    /// <summary>Seconds to wait for the sign-in in the browser; 300 when unset.</summary>
    public const string TimeoutVariable = "PARTNERREFERRALS_BROWSER_TIMEOUT";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Where no person can sign in (a runbook, a scheduled task), the sign-ins that need none.</summary>
    public const string Unattended =
        "Where no one can sign in (a runbook, a scheduled task), connect with -RefreshToken instead (about_PartnerReferrals, SIGNING IN FROM AUTOMATION).";

    /// <summary>Why no browser can open on this machine, or null when one may.</summary>
    public static string? WhyNoBrowser(Func<string, string?> environment)
    {
        var unix = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX);
        return unix && string.IsNullOrEmpty(environment("DISPLAY")) && string.IsNullOrEmpty(environment("WAYLAND_DISPLAY")) && string.IsNullOrEmpty(environment("BROWSER"))
            ? "there is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is set)"
            : null;
    }

    /// <summary>
    /// Signs in through the browser; throws <see cref="BrowserNotOpenedException"/> when none could open, and a
    /// PartnerReferrals error when nobody signed in within the time allowed.
    /// </summary>
    public static async Task<AuthenticationResult> AcquireAsync(IPublicClientApplication app, string[] scopes, IEngineHost output, Func<Uri, Task>? openBrowser, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var timeout = Timeout(environment);
        var open = openBrowser ?? (uri => OpenAsync(uri, output, environment));
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            return await app.AcquireTokenInteractive(scopes)
                .WithPrompt(Prompt.SelectAccount)
                .WithSystemWebViewOptions(new SystemWebViewOptions { OpenBrowserAsync = open })
                .ExecuteAsync(bounded.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (FindNotOpened(ex) is { } notOpened)
        {
            throw notOpened;
        }
        catch (Exception ex) when (ex is OperationCanceledException or MsalClientException && bounded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw AuthErrors.Failed(
                "PartnerReferrals.Auth.BrowserSignInTimedOut",
                ErrorKind.OperationTimeout,
                string.Format(CultureInfo.InvariantCulture, "Nobody completed the sign-in in the browser within {0:0} seconds.", timeout.TotalSeconds),
                "Open the address printed above in a browser and sign in, or run Connect-PartnerReferrals -UseDeviceCode and sign in on any device. " + Unattended,
                null,
                null,
                ex);
        }
    }

    private static async Task OpenAsync(Uri uri, IEngineHost output, Func<string, string?> environment)
    {
        // Printed before waiting: whoever sees no browser window can still open the address elsewhere on this machine.
        output.WriteWarning("To sign in, use the browser window that opens now. If none opens, open this address in a browser on this machine: " + uri.AbsoluteUri);
        var why = await TryOpenAsync(uri, environment).ConfigureAwait(false);
        if (why is not null)
        {
            throw new BrowserNotOpenedException(why);
        }
    }

    /// <summary>Starts the system's browser; null when it started, otherwise why not.</summary>
    private static async Task<string?> TryOpenAsync(Uri uri, Func<string, string?> environment)
    {
        ProcessStartInfo start;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            start = new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true };
        }
        else
        {
            var browser = environment("BROWSER")?.Split(':')[0].Trim();
            var command = !string.IsNullOrEmpty(browser) ? browser! : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "open" : "xdg-open";
            start = new ProcessStartInfo(command, "\"" + uri.AbsoluteUri + "\"") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null || start.UseShellExecute)
            {
                return null;
            }

            // xdg-open and open return at once, with a non-zero code when they could not open anything; a browser
            // started directly keeps running, which is taken as opened.
            var exited = await Task.Run(() => process.WaitForExit(5000)).ConfigureAwait(false);
            return exited && process.ExitCode != 0
                ? string.Format(CultureInfo.InvariantCulture, "'{0}' could not open a browser (exit code {1})", start.FileName, process.ExitCode)
                : null;
        }
        catch (Win32Exception ex)
        {
            return string.Format(CultureInfo.InvariantCulture, "'{0}' could not be started ({1})", start.FileName, ex.Message);
        }
    }

    private static TimeSpan Timeout(Func<string, string?> environment) => ConnectOptions.Seconds(environment, TimeoutVariable) ?? DefaultTimeout;

    private static BrowserNotOpenedException? FindNotOpened(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BrowserNotOpenedException notOpened)
            {
                return notOpened;
            }
        }

        return null;
    }
}

/// <summary>No browser could open for the sign-in; the message says why.</summary>
internal sealed class BrowserNotOpenedException(string message) : Exception(message);
