using System;
using System.Diagnostics;
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

        string? baseUrl, authority, thumbprint;
        int? processId;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            baseUrl = Text(root, "baseUrl");
            authority = Text(root, "authority");
            thumbprint = Text(root, "certificateThumbprint");
            processId = root.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            throw NotRunning(file, "it cannot be read (" + ex.Message + ")");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var api) || !Uri.TryCreate(authority, UriKind.Absolute, out var signIn) || string.IsNullOrWhiteSpace(thumbprint))
        {
            throw NotRunning(file, "it lacks baseUrl, authority or certificateThumbprint");
        }

        if (!api.IsLoopback || !signIn.IsLoopback)
        {
            throw AuthErrors.Failed(
                "PartnerReferrals.Session.EmulatorNotLocal",
                ErrorKind.InvalidData,
                "The emulator file " + file + " points at " + api.Host + ", which is not this computer. The emulator only ever runs on a loopback address; delete the file and start the emulator again.",
                "EmulatorFile",
                file);
        }

        if (processId is { } id && !IsRunning(id))
        {
            throw NotRunning(file, "it was written by process " + id + ", which has ended (the file is stale)");
        }

        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            signIn = EnvironmentEndpoints.Tenant(signIn, tenantId!);
        }

        return new EnvironmentEndpoints(PartnerEnvironment.Emulator, api, signIn, false, new CertificatePin(thumbprint!));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
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
            "No running emulator was found through " + file + ": " + why + ". Start it with 'dotnet run --project src/PartnerReferrals.Emulator', or give its file with -EmulatorFile.",
            "EmulatorFile",
            file);
}
