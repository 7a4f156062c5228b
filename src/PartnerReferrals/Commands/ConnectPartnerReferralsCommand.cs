using System.Management.Automation;
using System.Security;
using System;
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

    [Parameter(ParameterSetName = DeviceCodeSet, Mandatory = true)]
    [Alias("UseDeviceAuthentication", "DeviceCode", "Device")]
    public SwitchParameter UseDeviceCode { get; set; }

    [Parameter(ParameterSetName = RefreshTokenSet, Mandatory = true)]
    public SecureString? RefreshToken { get; set; }

    [Parameter(ParameterSetName = AccessTokenSet, Mandatory = true)]
    public SecureString? AccessToken { get; set; }

    /// <summary>The confidential app's id (user name) and secret (password).</summary>
    [Parameter(ParameterSetName = RefreshTokenSet)]
    public PSCredential? ClientSecretCredential { get; set; }

    [Parameter(ParameterSetName = RefreshTokenSet)]
    public string? CertificateThumbprint { get; set; }

    [Parameter]
    [ValidateSet("Global", "USGov", "Germany", "China", "Emulator", "Custom", IgnoreCase = true)]
    public string Environment { get; set; } = nameof(PartnerEnvironment.Global);

    [Parameter]
    [Alias("Tenant")]
    [ArgumentCompleter(typeof(Completion.TenantCompleter))]
    public string? TenantId { get; set; }

    [Parameter]
    [Alias("ApplicationId", "AppId")]
    public string? ClientId { get; set; }

    [Parameter]
    [ValidateSet("Process", "CurrentUser", IgnoreCase = true)]
    public string ContextScope { get; set; } = nameof(Engine.Sessions.ContextScope.Process);

    /// <summary>API base URL for -Environment Custom.</summary>
    [Parameter]
    public Uri? BaseUrl { get; set; }

    /// <summary>Sign-in authority for -Environment Custom.</summary>
    [Parameter]
    public Uri? Authority { get; set; }

    /// <summary>The file the emulator publishes (base URL, authority, certificate) for -Environment Emulator.</summary>
    [Parameter]
    public string? EmulatorFile { get; set; }

    protected override void ProcessRecord()
    {
        var request = BuildRequest();
        if (!string.IsNullOrEmpty(request.EmulatorFile))
        {
            // Relative to PowerShell's current location, which is not the process's current directory.
            request.EmulatorFile = SessionState.Path.GetUnresolvedProviderPathFromPSPath(request.EmulatorFile);
        }

        var context = RunEngine((host, token) => PartnerReferralsOperations.Connect(request, host, token));
        if (context is not null)
        {
            WriteObject(context);
        }
    }

    internal ConnectRequest BuildRequest() => new()
    {
        Method = ParameterSetName switch
        {
            DeviceCodeSet => SignInMethod.DeviceCode,
            RefreshTokenSet => SignInMethod.RefreshToken,
            AccessTokenSet => SignInMethod.AccessToken,
            _ => SignInMethod.Interactive,
        },
        Environment = (PartnerEnvironment)Enum.Parse(typeof(PartnerEnvironment), Environment, ignoreCase: true),
        TenantId = TenantId,
        ClientId = ClientId ?? ClientSecretCredential?.UserName,
        RefreshToken = RefreshToken,
        AccessToken = AccessToken,
        ClientSecret = ClientSecretCredential?.Password,
        CertificateThumbprint = CertificateThumbprint,
        ContextScope = (ContextScope)Enum.Parse(typeof(ContextScope), ContextScope, ignoreCase: true),
        BaseUrl = BaseUrl,
        Authority = Authority,
        EmulatorFile = EmulatorFile,
    };
}
