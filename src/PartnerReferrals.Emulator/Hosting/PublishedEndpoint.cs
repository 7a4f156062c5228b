using System;
using System.IO;
using System.Text.Json;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The discovery file: <c>{"baseUrl","authority","tenantId","certificateThumbprint","processId","processStartTime"}</c>,
/// camelCase. The start time lets a reader tell this process from a later one that got the same id.
/// </summary>
internal sealed record PublishedEndpoint(string BaseUrl, string Authority, string TenantId, string CertificateThumbprint, int ProcessId, DateTime ProcessStartTime)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes to a temporary file first, so a reader never sees half a file.</summary>
    public void WriteTo(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temporary = file + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Options));
        File.Move(temporary, file, overwrite: true);
    }
}
