using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Signs in to Partner Center (or the emulator) and makes the session current. The parameter sets are the
/// sign-in methods: a browser (default), a device code, a refresh token (secure application model), or an
/// access token obtained elsewhere.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "PartnerReferrals", DefaultParameterSetName = InteractiveSet)]
[OutputType(typeof(PartnerReferralsContext))]
public sealed class ConnectPartnerReferralsCommand : PartnerReferralsCmdlet
{
    public const string InteractiveSet = "Interactive";
    public const string DeviceCodeSet = "DeviceCode";
    public const string RefreshTokenSet = "RefreshToken";
    public const string AccessTokenSet = "AccessToken";

    /// <summary>
    /// Signs in with a device code: the command prints a code and an address, you open the address on any device, enter
    /// the code and sign in there. Use it where no browser can open, such as an SSH session or a container.
    /// </summary>
    [Parameter(ParameterSetName = DeviceCodeSet, Mandatory = true)]
    [Alias("UseDeviceAuthentication", "DeviceCode", "Device")]
    public SwitchParameter UseDeviceCode { get; set; }

    /// <summary>
    /// A refresh token from the secure application model, exchanged for access tokens. Keep it in a vault and give it as
    /// the vault hands it back: a SecureString (Get-Secret, Import-Clixml, Get-AzKeyVaultSecret's SecretValue), plain text
    /// (Get-AutomationVariable) or the object of Get-PartnerReferralsRefreshToken. Never put it in a script. Each use
    /// yields a newer one: write (Get-PartnerReferralsRefreshToken).RefreshToken back to the vault after the run.
    /// </summary>
    [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true)]
    [SecretText]
    public SecureString? RefreshToken { get; set; }

    /// <summary>
    /// An access token for https://api.partnercenter.microsoft.com obtained elsewhere. It is used as is and not renewed:
    /// the session ends when it expires (about an hour).
    /// </summary>
    [Parameter(ParameterSetName = AccessTokenSet, Mandatory = true)]
    public SecureString? AccessToken { get; set; }

    /// <summary>
    /// The confidential app's credential: the user name is the app's client id and the password is its client secret.
    /// With it the refresh token is redeemed by the confidential app, as the secure application model requires for web apps.
    /// </summary>
    [Parameter(ParameterSetName = RefreshTokenSet)]
    public PSCredential? ClientSecretCredential { get; set; }

    /// <summary>
    /// The thumbprint of the confidential app's certificate, looked up in the current user's and then the local
    /// machine's certificate store. Use it instead of -ClientSecretCredential to prove the app's identity with a certificate.
    /// </summary>
    [Parameter(ParameterSetName = RefreshTokenSet)]
    public string? CertificateThumbprint { get; set; }

    /// <summary>
    /// The confidential app's certificate as an object with its private key, such as Get-PfxCertificate returns. Use it
    /// where there is no certificate store (Azure Automation, containers). The sign-in sends the certificate with its
    /// assertion (x5c), as Entra's subject name and issuer authentication needs.
    /// </summary>
    [Parameter(ParameterSetName = RefreshTokenSet)]
    public X509Certificate2? Certificate { get; set; }

    /// <summary>
    /// A PFX (PKCS#12) file with the confidential app's certificate and private key; a relative path is resolved against
    /// the current location. Give its password with -CertificatePassword.
    /// </summary>
    [Parameter(ParameterSetName = RefreshTokenSet)]
    public string? CertificatePath { get; set; }

    /// <summary>The password of the -CertificatePath file, as a SecureString. It never appears in output, traces or errors.</summary>
    [Parameter(ParameterSetName = RefreshTokenSet)]
    public SecureString? CertificatePassword { get; set; }

    /// <summary>
    /// The cloud to sign in to: Global (the default), USGov, Germany (a retired cloud: allowed with a warning), China
    /// (referrals analytics are not offered there: the command fails with an explanation), Emulator (the local emulator,
    /// found through the file it publishes) or Custom (with -BaseUrl and -Authority).
    /// </summary>
    [Parameter]
    [PSDefaultValue(Value = nameof(PartnerEnvironment.Global))]
    [ValidateSet(nameof(PartnerEnvironment.Global), nameof(PartnerEnvironment.USGov), nameof(PartnerEnvironment.Germany), nameof(PartnerEnvironment.China), nameof(PartnerEnvironment.Emulator), nameof(PartnerEnvironment.Custom), IgnoreCase = true)]
    public string? Environment { get; set; }

    /// <summary>
    /// The partner's directory (tenant) id or domain name. When omitted, the sign-in uses 'organizations' and the tenant
    /// of the account that signs in.
    /// </summary>
    [Parameter]
    [Alias("Tenant")]
    [ArgumentCompleter(typeof(Completion.TenantCompleter))]
    public string? TenantId { get; set; }

    /// <summary>
    /// The application (client) id of the Microsoft Entra app registration that has the Microsoft Partner Center API
    /// permission. When omitted, the value of the PARTNERREFERRALS_CLIENT_ID environment variable is used.
    /// </summary>
    [Parameter]
    [Alias("ApplicationId", "AppId")]
    public string? ClientId { get; set; }

    /// <summary>
    /// Process (the default) keeps tokens in memory for this PowerShell session only. CurrentUser also keeps the token
    /// cache for the current user, encrypted by the operating system's store, so that a later session signs in silently
    /// (its context then says SignInMethod PersistedCache). Where no such store exists (a server or container without a
    /// keyring) the command refuses, unless -AllowPlaintextCache says to keep the cache unencrypted.
    /// </summary>
    [Parameter]
    [PSDefaultValue(Value = nameof(Engine.Sessions.ContextScope.Process))]
    [ValidateSet(nameof(Engine.Sessions.ContextScope.Process), nameof(Engine.Sessions.ContextScope.CurrentUser), IgnoreCase = true)]
    public string? ContextScope { get; set; }

    /// <summary>
    /// With -ContextScope CurrentUser, where the operating system has no secret store: keeps the token cache in a
    /// plaintext file readable by your user only (with a warning naming it) instead of refusing. Anyone with access to
    /// your account can then use the saved sign-in; Disconnect-PartnerReferrals -ClearPersistedCache deletes the file.
    /// </summary>
    [Parameter]
    public SwitchParameter AllowPlaintextCache { get; set; }

    /// <summary>The API base URL for -Environment Custom, such as https://api.partnercenter.microsoft.com.</summary>
    [Parameter]
    public Uri? BaseUrl { get; set; }

    /// <summary>The sign-in authority for -Environment Custom, such as https://login.microsoftonline.com.</summary>
    [Parameter]
    public Uri? Authority { get; set; }

    /// <summary>
    /// The file the emulator publishes when it starts (its address, sign-in authority and certificate thumbprint), for
    /// -Environment Emulator. By default the file named by the PARTNERREFERRALS_EMULATOR_FILE environment variable,
    /// otherwise PartnerReferrals/emulator.json under the local application data folder.
    /// </summary>
    [Parameter]
    public string? EmulatorFile { get; set; }

    /// <summary>
    /// The proxy that carries both the sign-in and the API requests of this session, such as
    /// http://proxy.contoso.com:8080. When given, it wins over the HTTPS_PROXY and NO_PROXY environment variables and the
    /// operating system's proxy settings, and every request goes through it, local addresses included. When omitted,
    /// the system's proxy settings apply (HTTPS_PROXY, NO_PROXY and the OS settings).
    /// </summary>
    [Parameter]
    public Uri? Proxy { get; set; }

    /// <summary>
    /// The user name and password the proxy asks for (HTTP 407 Proxy Authentication Required), for -Proxy or, without
    /// it, for the system's proxy. The password never appears in output, traces or errors.
    /// </summary>
    [Parameter]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Authenticates to the proxy as the signed-in Windows user (Negotiate or NTLM), for -Proxy or the system's proxy.</summary>
    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    protected override void ProcessRecord()
    {
        var request = BuildRequest();
        if (!string.IsNullOrEmpty(request.EmulatorFile))
        {
            request.EmulatorFile = FileSystemPath(request.EmulatorFile!, nameof(EmulatorFile));
        }

        if (!string.IsNullOrEmpty(request.CertificatePath))
        {
            request.CertificatePath = FileSystemPath(request.CertificatePath!, nameof(CertificatePath));
        }

        var session = RunEngine((host, token) => PartnerReferralsOperations.Connect(request, host, token));
        if (session is not null)
        {
            SessionStore.Replace(session);
            WriteObject(session.CurrentContext());
        }
    }

    /// <summary>The request as typed; what is left out keeps the engine's default (<see cref="ConnectRequest"/>).</summary>
    internal ConnectRequest BuildRequest()
    {
        var request = new ConnectRequest
        {
            Method = ParameterSetName switch
            {
                DeviceCodeSet => SignInMethod.DeviceCode,
                RefreshTokenSet => SignInMethod.RefreshToken,
                AccessTokenSet => SignInMethod.AccessToken,
                _ => SignInMethod.Interactive,
            },
            TenantId = TenantId,
            ClientId = ClientId ?? ClientSecretCredential?.UserName,
            RefreshToken = RefreshToken,
            AccessToken = AccessToken,
            ClientSecret = ClientSecretCredential?.Password,
            CertificateThumbprint = CertificateThumbprint,
            Certificate = Certificate,
            CertificatePath = CertificatePath,
            CertificatePassword = CertificatePassword,
            BaseUrl = BaseUrl,
            Authority = Authority,
            EmulatorFile = EmulatorFile,
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials.IsPresent,
            AllowPlaintextCache = AllowPlaintextCache.IsPresent,
        };
        if (Environment is not null)
        {
            request.Environment = (PartnerEnvironment)Enum.Parse(typeof(PartnerEnvironment), Environment, ignoreCase: true);
        }

        if (ContextScope is not null)
        {
            request.ContextScope = (ContextScope)Enum.Parse(typeof(ContextScope), ContextScope, ignoreCase: true);
        }

        return request;
    }
}
