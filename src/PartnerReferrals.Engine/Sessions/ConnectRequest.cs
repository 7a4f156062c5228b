using System;
using System.Net;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace PartnerReferrals.Engine.Sessions;

/// <summary>What Connect-PartnerReferrals collects. Secrets stay <see cref="SecureString"/> until MSAL needs them.</summary>
public sealed class ConnectRequest
{
    public SignInMethod Method { get; set; } = SignInMethod.Interactive;

    public PartnerEnvironment Environment { get; set; } = PartnerEnvironment.Global;

    /// <summary>Directory (tenant) id or domain; "organizations" when null.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id; the PARTNERREFERRALS_CLIENT_ID environment variable when null.</summary>
    public string? ClientId { get; set; }

    public SecureString? RefreshToken { get; set; }

    public SecureString? AccessToken { get; set; }

    /// <summary>The confidential app's secret (secure application model).</summary>
    public SecureString? ClientSecret { get; set; }

    /// <summary>Thumbprint of the confidential app's certificate in the user's or machine's store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The confidential app's certificate as an object (with its private key).</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>A PFX/PKCS#12 file holding the confidential app's certificate and private key (a full path).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>; null for a file without one.</summary>
    public SecureString? CertificatePassword { get; set; }

    /// <summary>True when any of the certificate forms is given.</summary>
    internal bool HasCertificate => Certificate is not null || !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);

    public ContextScope ContextScope { get; set; } = ContextScope.Process;

    /// <summary>With <see cref="ContextScope.CurrentUser"/>: where no OS secret store exists, keep the cache in a plaintext file (readable by the user only) rather than refuse.</summary>
    public bool AllowPlaintextCache { get; set; }

    /// <summary>API base URL for <see cref="PartnerEnvironment.Custom"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sign-in authority for <see cref="PartnerEnvironment.Custom"/>.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The emulator's published file; the default location when null.</summary>
    public string? EmulatorFile { get; set; }

    /// <summary>The proxy for sign-in and API requests; the system proxy (HTTPS_PROXY, NO_PROXY, OS settings) when null.</summary>
    public Uri? Proxy { get; set; }

    /// <summary>The proxy's user name and password (for <see cref="Proxy"/>, or for the system proxy when that is null).</summary>
    public NetworkCredential? ProxyCredential { get; set; }

    /// <summary>Authenticate to the proxy as the signed-in Windows user (Negotiate/NTLM).</summary>
    public bool ProxyUseDefaultCredentials { get; set; }

    /// <summary>Sent as MS-PartnerCenter-Application.</summary>
    public string? ApplicationName { get; set; }
}
