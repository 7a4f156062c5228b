using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The emulator's self-signed TLS certificate: RSA 2048, SAN IP 127.0.0.1 and DNS localhost, serverAuth EKU.
/// Clients pin it by its SHA-256 thumbprint (published in emulator.json) instead of trusting it machine-wide.
/// </summary>
internal static class EmulatorCertificate
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    // In-memory servers of one process (a test run starts dozens) share one generated key pair: RSA key
    // generation is the slowest part of a start. Each server still gets and disposes its own certificate object.
    private static readonly Lazy<byte[]> ProcessPfx = new(CreatePfx);

    /// <summary>Loads <paramref name="file"/> when it holds a certificate valid for 30 more days; otherwise creates one (and keeps it there when a path is given).</summary>
    public static X509Certificate2 LoadOrCreate(string? file)
    {
        if (file is not null && File.Exists(file))
        {
            try
            {
                var loaded = X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.Exportable);
                if (loaded.HasPrivateKey && loaded.NotAfter > DateTime.Now.AddDays(30))
                {
                    return loaded;
                }

                loaded.Dispose();
            }
            catch (CryptographicException)
            {
                // A damaged or foreign file: replace it below rather than refuse to start.
            }
        }

        var pfx = file is null ? ProcessPfx.Value : CreatePfx();
        if (file is not null)
        {
            Save(file, pfx);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.Exportable);
    }

    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    private static byte[] CreatePfx()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PartnerReferrals Emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));

        // Exported and re-imported: a PFX-backed key works with TLS on every platform, an ephemeral one does not on Windows.
        return certificate.Export(X509ContentType.Pkcs12);
    }

    private static void Save(string file, byte[] pfx)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // The file holds a private key: readable by its owner only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, options);
        stream.Write(pfx);
    }
}
