# One fresh session for Isolation.Tests.ps1: import a module that ships an older MSAL, then PartnerReferrals, sign in to
# the emulator and query it. Prints one line of JSON; the test asserts on it. Runs in pwsh and in Windows PowerShell 5.1.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ConflictingManifest,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorFile,
    [Parameter(Mandatory)] [string] $ClientId
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

function Get-LoadedVersion {
    param([System.Reflection.Assembly[]] $Assemblies, [string] $Name)
    @($Assemblies | Where-Object { $_.GetName().Name -eq $Name } | ForEach-Object { $_.GetName().Version.ToString() })
}

$result = [ordered]@{ Edition = $PSVersionTable.PSEdition }

# The other module goes first, and really uses its MSAL (a module such as Az.Accounts may keep it out of reach).
Import-Module $ConflictingManifest
try {
    $result.OtherMsal = [Microsoft.Identity.Client.PublicClientApplicationBuilder].Assembly.GetName().Version.ToString()
    $null = [Microsoft.Identity.Client.PublicClientApplicationBuilder]::Create([guid]::NewGuid().ToString()).Build()
}
catch {
    $result.OtherMsal = $null
}

try {
    Import-Module $ModuleManifest
    $context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $EmulatorFile -UseDeviceCode -ClientId $ClientId -WarningAction SilentlyContinue
    $result.Environment = $context.Environment
    $result.Rows = @(Get-PartnerReferral).Count
    # The context is a PartnerReferrals.Models type (default context, so PowerShell can name it); the engine is loaded by name.
    $engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PartnerReferrals.Engine' })
    if ($engine.Count -ne 1) {
        throw "Expected one PartnerReferrals.Engine in the process, found $($engine.Count)."
    }
    $engine = $engine[0]
    $result.EngineFolder = Split-Path -Leaf (Split-Path -Parent $engine.Location)
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $result.ModelsContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($context.GetType().Assembly).Name
        $engineContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
        $result.EngineContext = $engineContext.Name
        $result.EngineMsal = Get-LoadedVersion -Assemblies $engineContext.Assemblies -Name 'Microsoft.Identity.Client'
        $result.DefaultContextMsal = Get-LoadedVersion -Assemblies ([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies) -Name 'Microsoft.Identity.Client'
    }
    $result.Outcome = 'ok'
}
catch {
    $result.Outcome = 'failed'
    $result.Error = $_.Exception.ToString()
}
finally {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
}

# Every MSAL in the process (on 5.1: side by side in one AppDomain).
$result.ProcessMsal = Get-LoadedVersion -Assemblies ([AppDomain]::CurrentDomain.GetAssemblies()) -Name 'Microsoft.Identity.Client'
$result | ConvertTo-Json -Compress -Depth 3
