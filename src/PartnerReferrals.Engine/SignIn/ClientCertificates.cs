using System;
using System.Security.Cryptography.X509Certificates;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>Finds the confidential app's certificate: given directly, or by thumbprint in the user's then the machine's store.</summary>
internal static class ClientCertificates
{
    public static X509Certificate2? Find(ConnectRequest request)
    {
        if (request.Certificate is not null)
        {
            return request.Certificate;
        }

        if (string.IsNullOrWhiteSpace(request.CertificateThumbprint))
        {
            return null;
        }

        var thumbprint = request.CertificateThumbprint!.Replace(" ", string.Empty).Trim();
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
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or PlatformNotSupportedException)
            {
                // A store that does not exist on this platform (LocalMachine on Linux) simply holds nothing.
            }
        }

        throw AuthErrors.Failed(
            "PartnerReferrals.Auth.CertificateNotFound",
            ErrorKind.ObjectNotFound,
            "No certificate with a private key and thumbprint " + thumbprint + " was found in the CurrentUser or LocalMachine 'My' store.",
            "Install the app's certificate with its private key in the CurrentUser\\My (or LocalMachine\\My) store, or correct -CertificateThumbprint.",
            "CertificateThumbprint",
            thumbprint);
    }
}
