using System;
using System.Collections.Generic;

namespace PartnerReferrals.Engine.Hosting;

/// <summary>
/// What to do next, for every error id: the error's own advice when it has one, else the advice of its id, so no
/// error record reaches the user with an empty RecommendedAction (the help promises one).
/// </summary>
public static class ErrorAdvice
{
    private const string SignInAgain = "Sign in again with Connect-PartnerReferrals.";

    private static readonly Dictionary<string, string> ById = new(StringComparer.Ordinal)
    {
        ["PartnerReferrals.Session.EnvironmentNotSupported"] = "Use -Environment Global, USGov or Germany: the 21Vianet cloud (China) does not offer referrals analytics.",
        ["PartnerReferrals.Session.UnknownEnvironment"] = "Use -Environment Global, USGov, Germany, Emulator or Custom; tab completion offers them.",
        ["PartnerReferrals.Session.CustomEnvironmentIncomplete"] = "With -Environment Custom, give both -BaseUrl (the API root, e.g. https://api.partnercenter.microsoft.com) and -Authority (the sign-in authority, e.g. https://login.microsoftonline.com).",
        ["PartnerReferrals.Session.EmulatorNotFound"] = "Start the emulator (dotnet run --project src/PartnerReferrals.Emulator) and pass the file it publishes with -EmulatorFile, or set PARTNERREFERRALS_EMULATOR_FILE to it.",
        ["PartnerReferrals.Session.EmulatorNotLocal"] = "Pass the file a local emulator published: the emulator listens on 127.0.0.1 only.",
        ["PartnerReferrals.Session.NotConnected"] = "Run Connect-PartnerReferrals first.",
        ["PartnerReferrals.Auth.SignInFailed"] = "Check -TenantId and -ClientId, and that the app registration has the 'Microsoft Partner Center' API permission; then run Connect-PartnerReferrals again.",
        ["PartnerReferrals.Auth.InvalidClient"] = "Check -ClientId and the app's credential: the secret of -ClientSecretCredential (user name = client id) or the certificate of -CertificateThumbprint must belong to that app registration.",
        ["PartnerReferrals.Auth.CertificateNotFound"] = "Install the certificate with its private key in the CurrentUser\\My (or LocalMachine\\My) store, or correct -CertificateThumbprint.",
        ["PartnerReferrals.Auth.Unauthorized"] = SignInAgain,
        ["PartnerReferrals.Auth.TokenExpired"] = SignInAgain,
        ["PartnerReferrals.Auth.SignInRequired"] = SignInAgain,
        ["PartnerReferrals.Auth.NoAccount"] = "Sign in with -UseDeviceCode or interactively, so the module can renew tokens later.",
        ["PartnerReferrals.Auth.Canceled"] = "Run Connect-PartnerReferrals again, or sign in with -UseDeviceCode.",
        ["PartnerReferrals.Auth.CredentialMissing"] = "Give the parameter the message names, as a SecureString or PSCredential.",
        ["PartnerReferrals.Auth.ClientIdMissing"] = "Pass -ClientId, or set PARTNERREFERRALS_CLIENT_ID.",
        ["PartnerReferrals.Auth.NetworkFailed"] = "Check the network, DNS and proxy (HTTPS_PROXY), and -Environment or -Authority; then run Connect-PartnerReferrals again.",
        ["PartnerReferrals.Auth.TlsFailed"] = "The sign-in server's certificate was not trusted: check the system clock, a TLS-inspecting proxy's root certificate, and -Authority (use -Environment Emulator for the local emulator, whose certificate is pinned).",
        ["PartnerReferrals.Api.InvalidNextLink"] = "Run the command again; if it persists, give Partner Center support the MS-RequestId.",
        ["PartnerReferrals.Api.MalformedResponse"] = "Run the command again; if it persists, give Partner Center support the MS-RequestId.",
        ["PartnerReferrals.Http.Timeout"] = "Try again later, or check the network and proxy.",
        ["PartnerReferrals.Http.ConnectionFailed"] = "Check the network connection and proxy settings, then try again.",
    };

    public static string For(PartnerReferralsException error)
    {
        if (error is null)
        {
            throw new ArgumentNullException(nameof(error));
        }

        if (!string.IsNullOrWhiteSpace(error.RecommendedAction))
        {
            return error.RecommendedAction!;
        }

        if (ById.TryGetValue(error.ErrorId, out var advice))
        {
            return advice;
        }

        return error.Kind switch
        {
            ErrorKind.AuthenticationError => SignInAgain,
            ErrorKind.InvalidArgument => "Correct the parameter the message names; Get-Help <command> -Parameter <name> describes it.",
            ErrorKind.ConnectionError or ErrorKind.OperationTimeout => "Check the network connection and proxy settings, then try again.",
            _ => "Run the command again with -Verbose; if it still fails, report the error id and message.",
        };
    }

    /// <summary>The ids with advice of their own here; tests check each has some.</summary>
    public static IReadOnlyCollection<string> KnownIds => ById.Keys;
}
