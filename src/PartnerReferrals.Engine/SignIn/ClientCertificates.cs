using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// Finds the confidential app's certificate: given as an object, read from a PFX/PKCS#12 file, or found by thumbprint
/// in the user's then the machine's store. Whichever form, it must hold the private key that signs the client
/// assertion; a problem is an error naming the parameter it came from.
/// </summary>
internal static class ClientCertificates
{
    public static X509Certificate2? Find(ConnectRequest request)
    {
        if (request.Certificate is { } certificate)
        {
            return WithPrivateKey(certificate, "Certificate", "Give the certificate with its private key, e.g. from Get-PfxCertificate or a PFX file (-CertificatePath), not one read from a .cer file.");
        }

        if (!string.IsNullOrWhiteSpace(request.CertificatePath))
        {
            return WithPrivateKey(Load(request.CertificatePath!, request.CertificatePassword), "CertificatePath", "Export the certificate with its private key (a .pfx or .p12 file) and give that file to -CertificatePath.");
        }

        return string.IsNullOrWhiteSpace(request.CertificateThumbprint) ? null : FromStore(request.CertificateThumbprint!);
    }

    private static X509Certificate2 Load(string path, System.Security.SecureString? password)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw AuthErrors.Failed(
                "PartnerReferrals.Auth.CertificateFileNotFound",
                ErrorKind.ObjectNotFound,
                "-CertificatePath: there is no file " + path + ".",
                "Correct -CertificatePath: give the PFX (PKCS#12) file of the app's certificate; a relative path is resolved against the current PowerShell location.",
                "CertificatePath",
                path,
                ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw AuthErrors.Failed(
                "PartnerReferrals.Auth.CertificateFileUnreadable",
                ErrorKind.PermissionDenied,
                "-CertificatePath: " + path + " could not be read: " + ex.Message,
                "Check that the file exists and that you may read it.",
                "CertificatePath",
                path,
                ex);
        }

        X509ContentType kind;
        try
        {
            kind = bytes.Length == 0 ? X509ContentType.Unknown : X509Certificate2.GetCertContentType(bytes);
        }
        catch (CryptographicException ex)
        {
            throw NotPfx(path, Damaged + ex.Message, ex);
        }

        if (kind != X509ContentType.Pkcs12)
        {
            throw NotPfx(path, " is not a PFX (PKCS#12) file, so it holds no private key to sign in with.", null);
        }

        try
        {
            // Ephemeral on Linux: the key stays in memory, no key file is left behind (the numeric value, unnamed in
            // netstandard2.0). macOS refuses ephemeral keys for PKCS#12, and Windows PowerShell 5.1's MSAL needs a key set.
            var flags = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? (X509KeyStorageFlags)32 : X509KeyStorageFlags.DefaultKeySet;
            return password is null ? new X509Certificate2(bytes, (string?)null, flags) : new X509Certificate2(bytes, password, flags);
        }
        catch (CryptographicException ex) when (ex.HResult != WrongPassword)
        {
            // Damaged inside (a wrong password and a damaged MAC read the same, as the format allows).
            throw NotPfx(path, Damaged + ex.Message, ex);
        }
        catch (CryptographicException ex)
        {
            throw AuthErrors.Failed(
                "PartnerReferrals.Auth.CertificatePasswordWrong",
                ErrorKind.AuthenticationError,
                "-CertificatePassword: the password does not open " + path + (password is null ? " (none was given)." : "."),
                "Give the file's password to -CertificatePassword as a SecureString, e.g. (Read-Host -AsSecureString) or from your vault.",
                "CertificatePassword",
                path,
                ex);
        }
    }

    /// <summary>ERROR_INVALID_PASSWORD, what .NET reports on every platform when the password does not open a PFX.</summary>
    private const int WrongPassword = unchecked((int)0x80070056);

    private const string Damaged = " could not be read as a PFX (PKCS#12) file; it may be cut short or damaged: ";

    private static PartnerReferralsException NotPfx(string path, string what, Exception? inner) => AuthErrors.Failed(
        "PartnerReferrals.Auth.CertificateFileNotPfx",
        ErrorKind.InvalidArgument,
        "-CertificatePath: " + path + what,
        "Export the certificate with its private key as a .pfx or .p12 file (e.g. Export-PfxCertificate, or 'openssl pkcs12 -export') and give that file.",
        "CertificatePath",
        path,
        inner);

    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, string parameter, string action)
    {
        if (certificate.HasPrivateKey)
        {
            return certificate;
        }

        throw AuthErrors.Failed(
            "PartnerReferrals.Auth.CertificateWithoutPrivateKey",
            ErrorKind.InvalidArgument,
            "-" + parameter + ": the certificate " + certificate.Subject + " (thumbprint " + certificate.Thumbprint + ") has no private key, which signing in as the app needs.",
            action,
            parameter,
            certificate.Thumbprint);
    }

    private static X509Certificate2 FromStore(string thumbprintText)
    {
        var thumbprint = thumbprintText.Replace(" ", string.Empty).Trim();
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                foreach (var certificate in found)
                {
                    if (certificate.HasPrivateKey)
                    {
                        return certificate;
                    }
                }
            }
            catch (Exception ex) when (ex is CryptographicException or PlatformNotSupportedException)
            {
                // A store that does not exist on this platform (LocalMachine on Linux) simply holds nothing.
            }
        }

        throw AuthErrors.Failed(
            "PartnerReferrals.Auth.CertificateNotFound",
            ErrorKind.ObjectNotFound,
            "No certificate with a private key and thumbprint " + thumbprint + " was found in the CurrentUser or LocalMachine 'My' store.",
            "Install the app's certificate with its private key in the CurrentUser\\My (or LocalMachine\\My) store, or correct -CertificateThumbprint; where there is no store (Azure Automation, containers) give the file to -CertificatePath or the object to -Certificate.",
            "CertificateThumbprint",
            thumbprint);
    }
}
