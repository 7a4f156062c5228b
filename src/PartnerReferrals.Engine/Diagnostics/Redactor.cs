using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PartnerReferrals.Engine.Diagnostics;

/// <summary>
/// Masks secrets in any text bound for a host stream or an exception message. Belt and braces: the pipeline
/// never writes a header or a body that holds a token, but a server's error text, an MSAL message or a URL
/// might, so everything passes through here. Known secrets (the tokens and client secret a user handed in)
/// are masked verbatim; anything shaped like a JWT or a credential parameter is masked by pattern.
/// </summary>
public static class Redactor
{
    public const string Mask = "***";

    // Shorter strings would mask ordinary words; real secrets are far longer.
    private const int MinimumSecretLength = 8;

    private static readonly ConcurrentDictionary<string, bool> Secrets = new(StringComparer.Ordinal);

    private static readonly Regex Jwt = new(
        @"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex Bearer = new(
        @"(?i)\b(bearer)\s+[A-Za-z0-9\-._~+/=]{8,}",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex CredentialParameter = new(
        @"(?i)\b(access_token|refresh_token|id_token|client_secret|client_assertion|assertion|code|device_code|password)(=|""\s*:\s*"")([^&\s""]+)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>Remembers a secret for the life of the process so that it is masked wherever it appears.</summary>
    public static void RegisterSecret(string? secret)
    {
        if (secret is not null && secret.Length >= MinimumSecretLength)
        {
            Secrets[secret] = true;
        }
    }

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text!;
        foreach (var secret in Secrets.Keys)
        {
            if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                result = result.Replace(secret, Mask);
            }
        }

        result = Jwt.Replace(result, Mask);
        result = Bearer.Replace(result, "$1 " + Mask);
        return CredentialParameter.Replace(result, "$1$2" + Mask);
    }
}
