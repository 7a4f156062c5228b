# Shared by the Pester tests: find the packaged module, start PowerShell and the emulator the way build.ps1 does.

$script:Root = Resolve-Path (Join-Path $PSScriptRoot '../..')
Import-Module (Join-Path $script:Root 'tests/tools/ChildProcesses.psm1') -Force

function Get-PackagedModulePath {
    # build.ps1 Test sets the folder it packaged; otherwise take the newest package under artifacts/.
    $dir = $env:PARTNERREFERRALS_MODULE_DIR
    if (-not $dir) {
        $dir = Get-ChildItem -Path (Join-Path $script:Root 'artifacts/module/PartnerReferrals') -Directory -ErrorAction SilentlyContinue |
            Sort-Object { [version] $_.Name } -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    $manifest = if ($dir) { Join-Path $dir 'PartnerReferrals.psd1' } else { $null }
    if (-not $manifest -or -not (Test-Path $manifest)) {
        throw 'No packaged module: run ./build.ps1 -Task Package first.'
    }
    return $manifest
}

function Get-TestConfiguration {
    if ($env:PARTNERREFERRALS_CONFIGURATION) { $env:PARTNERREFERRALS_CONFIGURATION } else { 'Release' }
}

function Start-TestEmulator {
    # One emulator for a test file; it also stops by itself when this PowerShell process ends.
    param(
        [int] $Referrals = 500,
        # More emulator options, e.g. '--seed', '9' (see `--help`).
        [string[]] $ArgumentList = @()
    )
    $publishFile = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-pester-{0}.json" -f [guid]::NewGuid())
    $process = Start-Emulator -PublishFile $publishFile -Referrals $Referrals -Configuration (Get-TestConfiguration) -ArgumentList $ArgumentList
    [pscustomobject] @{
        Process     = $process
        PublishFile = $publishFile
        Referrals   = $Referrals
    }
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator) {
        Stop-Emulator -Process $Emulator.Process -PublishFile $Emulator.PublishFile
    }
}

function Read-RequestLog {
    # The requests an emulator started with '--request-log', $Path received, oldest first: one object a line.
    param([Parameter(Mandatory)] [string] $Path)
    if (-not (Test-Path -LiteralPath $Path)) { return }
    foreach ($line in Get-Content -LiteralPath $Path) {
        $cells = $line -split "`t"
        $uri = [uri] ('https://x' + $cells[3])
        $query = @{}
        foreach ($pair in $uri.Query.TrimStart('?') -split '&' | Where-Object { $_ }) {
            $name, $value = $pair -split '=', 2
            $query[$name] = [uri]::UnescapeDataString($value)
        }
        [pscustomobject] @{
            Status        = [int] $cells[2]
            PathAndQuery  = $cells[3]
            Query         = $query
            Method        = $cells[4]
            RequestId     = $cells[7]
            CorrelationId = $cells[8]
        }
    }
}

function Get-EmulatorAccessToken {
    # An access token the emulator issued, whose text a test knows (to search for it, or to connect with -AccessToken):
    # signs in by device code, redeems the session's refresh token at the emulator's token endpoint, and disconnects.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $ClientId)
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -UseDeviceCode -ClientId $ClientId -WarningAction SilentlyContinue | Out-Null
    $refresh = [pscredential]::new('token', (Get-PartnerReferralsRefreshToken).RefreshToken).GetNetworkCredential().Password
    Disconnect-PartnerReferrals
    $authority = (Get-Content -Raw $Emulator.PublishFile | ConvertFrom-Json).authority.TrimEnd('/')
    (Invoke-RestMethod -SkipCertificateCheck -Method Post -Uri "$authority/oauth2/v2.0/token" -Body @{
        client_id = $ClientId; grant_type = 'refresh_token'; refresh_token = $refresh; scope = 'https://api.partnercenter.microsoft.com/user_impersonation offline_access'
    }).access_token
}

function Get-Failure {
    # The error record a command ends with (give it -ErrorAction Stop); fails when the command does not fail.
    param([Parameter(Mandatory)] [scriptblock] $Failing)
    try { & $Failing | Out-Null } catch { return $_ }
    throw 'The command did not fail.'
}

Export-ModuleMember -Function Get-PackagedModulePath, Get-TestConfiguration, Start-TestEmulator, Stop-TestEmulator, Get-PowerShellCommand, Get-DotnetPath, Read-RequestLog, Get-EmulatorAccessToken, Get-Failure
