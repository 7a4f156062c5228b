using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Reads the file a running emulator publishes (<c>{"baseUrl","authority","tenantId","certificateThumbprint","processId"}</c>):
/// the given path, else <c>$PARTNERREFERRALS_EMULATOR_FILE</c>, else <c>{LocalApplicationData}/PartnerReferrals/emulator.json</c>.
/// Only loopback addresses are accepted, and only the published certificate is trusted.
/// </summary>
internal static class EmulatorDiscovery
{
    public const string FileVariable = "PARTNERREFERRALS_EMULATOR_FILE";

    public static string DefaultFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "PartnerReferrals", "emulator.json");

    public static EnvironmentEndpoints Read(string? path, Func<string, string?>? getEnvironmentVariable, string? tenantId)
    {
        var variable = (getEnvironmentVariable ?? Environment.GetEnvironmentVariable)(FileVariable);
        var file = !string.IsNullOrWhiteSpace(path) ? path! : !string.IsNullOrWhiteSpace(variable) ? variable! : DefaultFile;
        if (!File.Exists(file))
        {
            throw NotRunning(file, "the file does not exist");
        }

        string? baseUrl, authority, thumbprint, started;
        int? processId;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            baseUrl = Text(root, "baseUrl");
            authority = Text(root, "authority");
            thumbprint = Text(root, "certificateThumbprint");
            processId = root.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : null;
            started = Text(root, "processStartTime");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            throw NotRunning(file, "it cannot be read (" + ex.Message + ")");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var api) || !Uri.TryCreate(authority, UriKind.Absolute, out var signIn) || string.IsNullOrWhiteSpace(thumbprint))
        {
            throw NotRunning(file, "it lacks baseUrl, authority or certificateThumbprint");
        }

        foreach (var (name, uri) in new[] { ("baseUrl", api), ("authority", signIn) })
        {
            if (!uri.IsLoopback)
            {
                throw AuthErrors.Failed(
                    "PartnerReferrals.Session.EmulatorNotLocal",
                    ErrorKind.InvalidData,
                    "The emulator file " + file + " gives " + name + " " + uri.Host + ", which is not this computer: the emulator only ever runs on a loopback address.",
                    "Delete the file and start the emulator again, or pass the file a local emulator published with -EmulatorFile.",
                    "EmulatorFile",
                    file);
            }

            // The pin protects HTTPS only: over http the bearer token would go to the port in clear, to whatever listens there.
            if (uri.Scheme != Uri.UriSchemeHttps)
            {
                throw AuthErrors.Failed(
                    "PartnerReferrals.Session.InsecureUrl",
                    ErrorKind.InvalidData,
                    "The emulator file " + file + " gives " + name + " " + uri.GetLeftPart(UriPartial.Authority) + ", which is not HTTPS; tokens are only ever sent over HTTPS.",
                    "The emulator publishes an https:// address: delete the file and start the emulator again.",
                    "EmulatorFile",
                    file);
            }
        }

        if (processId is { } id && !IsRunning(id, started))
        {
            throw NotRunning(file, "it was written by process " + id + ", which has ended (the file is stale)");
        }

        CertificatePin pin;
        try
        {
            pin = new CertificatePin(thumbprint!);
        }
        catch (ArgumentException)
        {
            throw AuthErrors.Failed(
                "PartnerReferrals.Session.EmulatorFileInvalid",
                ErrorKind.InvalidData,
                "The emulator file " + file + " gives certificateThumbprint '" + thumbprint + "', which is not a SHA-256 thumbprint (64 hexadecimal digits).",
                "Delete the file and start the emulator again.",
                "EmulatorFile",
                file);
        }

        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            signIn = EnvironmentEndpoints.Tenant(signIn, tenantId!);
        }

        return new EnvironmentEndpoints(PartnerEnvironment.Emulator, api, signIn, false, pin);
    }

    /// <summary>
    /// Alive: a process of that id runs and, when the file gives its start time, started then. Ids are reused, so
    /// an id alone would take any process that later got the same id (a shell, a browser) for the emulator.
    /// </summary>
    private static bool IsRunning(int processId, string? startTime)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited)
            {
                return false;
            }

            if (startTime is null || !DateTime.TryParse(startTime, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var published))
            {
                return true;
            }

            // The start time is derived from clock ticks on Linux: allow for rounding, not for another process.
            return Math.Abs((process.StartTime.ToUniversalTime() - published).TotalSeconds) < 2;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }

    private static PartnerReferralsException NotRunning(string file, string why) =>
        AuthErrors.Failed(
            "PartnerReferrals.Session.EmulatorNotFound",
            ErrorKind.ObjectNotFound,
            "No running emulator was found through " + file + ": " + why + ".",
            "Start the emulator (dotnet run --project src/PartnerReferrals.Emulator) and pass the file it publishes with -EmulatorFile, or set PARTNERREFERRALS_EMULATOR_FILE to it.",
            "EmulatorFile",
            file);
}
