using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace PartnerReferrals.Engine.Diagnostics;

/// <summary>
/// Masks secrets in any text bound for a host stream or an error. Belt and braces: the pipeline never writes a
/// header or a body that holds a token, but a server's error text, an MSAL message, a URL or a secret pasted into
/// the wrong parameter might. Two callers, one per kind of text: every line on its way out of the engine
/// (<see cref="Hosting.QueuedHost"/>) and every error when it is made (<see cref="PartnerReferralsException"/>). Known secrets (the tokens
/// and client secret a user handed in) are masked verbatim; anything shaped like a JWT, an opaque token or a
/// credential parameter is masked by pattern.
/// </summary>
public static class Redactor
{
    public const string Mask = "***";

    /// <summary>
    /// Secrets remembered at most: the ones of the current session and a few before it. Without a bound the store
    /// grew by every token a long-lived process was given; older ones are still masked by pattern when token-shaped.
    /// </summary>
    public const int MaxSecrets = 16;

    // Shorter strings would mask ordinary words; real secrets are far longer.
    private const int MinimumSecretLength = 8;

    private static readonly object Gate = new();

    private static readonly Regex Jwt = new(
        @"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex Bearer = new(
        @"(?i)\b(bearer)\s+[A-Za-z0-9\-._~+/=]{8,}",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex CredentialParameter = new(
        @"(?i)\b(access_token|refresh_token|id_token|client_secret|client_assertion|assertion|code|device_code|password)(=|""\s*:\s*"")([^&\s""]+)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // A password in a URL's user information (HTTPS_PROXY=http://user:password@proxy:3128 ends up in .NET's proxy
    // error messages): the user name stays readable, the password goes.
    private static readonly Regex UrlPassword = new(
        @"(?i)\b([a-z][a-z0-9+.\-]*://[^:/@\s]+:)[^@/\s]+@",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // Opaque tokens (refresh tokens such as "0.AXwA...", base64url secrets): 40 or more token characters in one run.
    // Mixed case and a digit are required, so GUIDs and hex thumbprints (one case) stay readable; '/' ends a run,
    // so file paths and URLs in messages stay readable too.
    private static readonly Regex OpaqueRun = new(
        @"[A-Za-z0-9\-._~+=]{40,}",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static string[] secrets = [];

    /// <summary>How many secrets are remembered now (at most <see cref="MaxSecrets"/>).</summary>
    public static int SecretCount => Volatile.Read(ref secrets).Length;

    /// <summary>Remembers a secret until <see cref="ForgetSecrets"/> so that it is masked wherever it appears; the oldest goes beyond <see cref="MaxSecrets"/>.</summary>
    public static void RegisterSecret(string? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            return;
        }

        lock (Gate)
        {
            var current = secrets.Where(s => !string.Equals(s, secret, StringComparison.Ordinal));
            Volatile.Write(ref secrets, current.Concat([secret]).Reverse().Take(MaxSecrets).Reverse().ToArray());
        }
    }

    /// <summary>
    /// Remembers <paramref name="secret"/> in the place of <paramref name="previous"/>: a refresh token rotates on every
    /// renewal, and one slot per chain keeps a long session's rotations from pushing the client secret or the proxy
    /// password out of the store. The previous token is still masked by its shape.
    /// </summary>
    public static void ReplaceSecret(string? previous, string? secret)
    {
        lock (Gate)
        {
            if (previous is not null)
            {
                Volatile.Write(ref secrets, secrets.Where(s => !string.Equals(s, previous, StringComparison.Ordinal)).ToArray());
            }

            RegisterSecret(secret);
        }
    }

    /// <summary>Drops every remembered secret: Disconnect promises the tokens are gone, from here too.</summary>
    public static void ForgetSecrets()
    {
        lock (Gate)
        {
            Volatile.Write(ref secrets, []);
        }
    }

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text!;
        foreach (var secret in Volatile.Read(ref secrets))
        {
            if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                result = result.Replace(secret, Mask);
            }
        }

        result = Jwt.Replace(result, Mask);
        result = Bearer.Replace(result, "$1 " + Mask);
        result = CredentialParameter.Replace(result, "$1$2" + Mask);
        result = UrlPassword.Replace(result, "$1" + Mask + "@");
        return OpaqueRun.Replace(result, match => LooksLikeToken(match.Value) ? Mask : match.Value);
    }

    private static bool LooksLikeToken(string run) => run.Any(char.IsUpper) && run.Any(char.IsLower) && run.Any(char.IsDigit);
}
