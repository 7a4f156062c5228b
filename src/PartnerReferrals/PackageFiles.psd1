# What build.ps1 Package lays out in artifacts/module/PartnerReferrals/<version>/, and nothing else.
# A new dependency of the engine must be added here on purpose: Package fails on any assembly not listed,
# so nothing reaches the module folder (and the PowerShell session) by accident.
@{
    # From 'dotnet publish src/PartnerReferrals': the cmdlets, the engine and the engine's dependencies.
    Assemblies  = @(
        'PartnerReferrals.dll'
        'PartnerReferrals.Engine.dll'
        'Microsoft.Bcl.AsyncInterfaces.dll'
        'Microsoft.Identity.Client.dll'
        'Microsoft.Identity.Client.Extensions.Msal.dll'
        'Microsoft.IdentityModel.Abstractions.dll'
        'System.Buffers.dll'
        'System.Diagnostics.DiagnosticSource.dll'
        'System.Formats.Asn1.dll'
        'System.IO.FileSystem.AccessControl.dll'
        'System.IO.Pipelines.dll'
        'System.Memory.dll'
        'System.Numerics.Vectors.dll'
        'System.Runtime.CompilerServices.Unsafe.dll'
        'System.Security.AccessControl.dll'
        'System.Security.Cryptography.Cng.dll'
        'System.Security.Cryptography.ProtectedData.dll'
        'System.Security.Principal.Windows.dll'
        'System.Text.Encodings.Web.dll'
        'System.Text.Json.dll'
        'System.Threading.Tasks.Extensions.dll'
    )
    # From module/: the manifest (version stamped at packaging), views and help.
    ModuleFiles = @(
        'PartnerReferrals.psd1'
        'PartnerReferrals.format.ps1xml'
        'en-US/PartnerReferrals.dll-Help.xml'
        'en-US/about_PartnerReferrals.help.txt'
    )
}
