using System;
using System.Globalization;
using System.Threading.Tasks;
using PartnerReferrals.Engine.Http;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Connect settings that are not cmdlet parameters: pipeline tuning, and seams for tests (a scripted
/// browser, a token cache folder, the environment variables seen).
/// </summary>
public sealed class ConnectOptions
{
    public PartnerReferralsOptions Http { get; set; } = new();

    /// <summary>Opens the sign-in page for interactive sign-in; null lets MSAL start the system browser.</summary>
    public Func<Uri, Task>? OpenBrowser { get; set; }

    /// <summary>Where -ContextScope CurrentUser keeps the token cache; {LocalApplicationData}/PartnerReferrals when null.</summary>
    public string? TokenCacheFolder { get; set; }

    /// <summary>
    /// Reads the module's environment variables (the client id, the emulator file, the browser sign-in's timeout, the retry
    /// budget); the process's when null.
    /// </summary>
    public Func<string, string?>? GetEnvironmentVariable { get; set; }

    /// <summary>The environment variables this sign-in sees: the seam's, else the process's.</summary>
    internal Func<string, string?> Variables => GetEnvironmentVariable ?? Environment.GetEnvironmentVariable;

    /// <summary>A positive whole number of seconds set in a variable; null when unset or anything else.</summary>
    internal static TimeSpan? Seconds(Func<string, string?> variables, string name) =>
        int.TryParse(variables(name), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
