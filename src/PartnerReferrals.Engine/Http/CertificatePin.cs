using System;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PartnerReferrals.Engine.Http;

/// <summary>
/// Trusts exactly one self-signed certificate (the emulator's), identified by the SHA-256 of its DER bytes,
/// and only on loopback hosts. Nothing else is trusted through this handler, so it is never a global
/// "accept any certificate" switch.
/// </summary>
public sealed class CertificatePin
{
    private readonly byte[] sha256;

    public CertificatePin(string sha256Thumbprint)
    {
        if (string.IsNullOrWhiteSpace(sha256Thumbprint))
        {
            throw new ArgumentException("A SHA-256 thumbprint is required.", nameof(sha256Thumbprint));
        }

        Thumbprint = sha256Thumbprint.Replace(":", string.Empty).Replace(" ", string.Empty).Trim().ToUpperInvariant();
        sha256 = FromHex(Thumbprint);
        if (sha256.Length != 32)
        {
            throw new ArgumentException("A SHA-256 thumbprint has 64 hex digits.", nameof(sha256Thumbprint));
        }
    }

    /// <summary>The pinned SHA-256 thumbprint, uppercase hex, for error messages.</summary>
    public string Thumbprint { get; }

    /// <summary>The validation callback: loopback host and the pinned certificate, chain errors notwithstanding.</summary>
    public bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        _ = chain;
        _ = errors;
        if (request?.RequestUri is null || !request.RequestUri.IsLoopback || certificate is null)
        {
            return false;
        }

        using var hash = SHA256.Create();
        var actual = hash.ComputeHash(certificate.RawData);
        return FixedTimeEquals(actual, sha256);
    }

    /// <summary>Applies the pin to a handler (which then trusts nothing else).</summary>
    public void ApplyTo(HttpClientHandler handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        handler.ServerCertificateCustomValidationCallback = Validate;
    }

    private static bool FixedTimeEquals(byte[] a, byte[] b)
    {
        var diff = a.Length ^ b.Length;
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            diff |= a[i] ^ b[i];
        }

        return diff == 0;
    }

    private static byte[] FromHex(string hex)
    {
        // Convert.ToByte would throw a bare FormatException; a wrong length or digit is "not a thumbprint".
        if (hex.Length % 2 != 0 || hex.Any(c => !Uri.IsHexDigit(c)))
        {
            return [];
        }

        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Convert.ToByte(hex.Substring(i * 2, 2), 16);
        }

        return bytes;
    }
}
