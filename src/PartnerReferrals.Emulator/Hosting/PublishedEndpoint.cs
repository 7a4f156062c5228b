using System;
using System.IO;
using System.Text.Json;

namespace PartnerReferrals.Emulator;

/// <summary>The discovery file: <c>{"baseUrl","authority","tenantId","certificateThumbprint","processId"}</c>, camelCase.</summary>
internal sealed record PublishedEndpoint(string BaseUrl, string Authority, string TenantId, string CertificateThumbprint, int ProcessId)
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
