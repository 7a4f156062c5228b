#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Two modules, two MSALs, one session. A module that ships an older MSAL (4.61.3, the one Az.Accounts-era modules
# carry) is imported first; then PartnerReferrals signs in to the emulator and queries it. Each case runs in a fresh
# process (IsolationSession.ps1): this session has already loaded PartnerReferrals' MSAL, so it would prove nothing.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Manifest = Get-PackagedModulePath
    $script:Emulator = Start-TestEmulator -Referrals 300
    $script:Session = Join-Path $PSScriptRoot 'IsolationSession.ps1'

    # A stand-in for "another module": a manifest whose RequiredAssemblies are MSAL 4.61.3 and the
    # Microsoft.IdentityModel.Abstractions it was built with, taken from the NuGet cache (the isolation host's
    # restore puts them there). $Framework is the lib folder: net6.0 for pwsh, net462 for Windows PowerShell.
    function New-OlderMsalModule {
        param([Parameter(Mandatory)] [string] $Framework)
        $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
        $folder = Join-Path $TestDrive "OlderMsal-$Framework/1.0.0"
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        $sources = @(
            Join-Path $packages "microsoft.identitymodel.abstractions/6.35.0/lib/$Framework/Microsoft.IdentityModel.Abstractions.dll"
            Join-Path $packages "microsoft.identity.client/4.61.3/lib/$Framework/Microsoft.Identity.Client.dll"
        )
        foreach ($source in $sources) {
            if (-not (Test-Path $source)) {
                throw "Missing ${source}; run 'dotnet restore PartnerReferrals.sln' first."
            }
            Copy-Item -Path $source -Destination $folder
        }
        $manifest = Join-Path $folder 'OlderMsal.psd1'
        Set-Content -Path $manifest -Encoding utf8 -Value @"
@{
    ModuleVersion     = '1.0.0'
    GUID              = '$([guid]::NewGuid())'
    RequiredAssemblies = @('Microsoft.IdentityModel.Abstractions.dll', 'Microsoft.Identity.Client.dll')
    FunctionsToExport = @()
    CmdletsToExport   = @()
}
"@
        return $manifest
    }

    # $Shell: FilePath and ArgumentList (Get-PowerShellCommand): under `dotnet pwsh` this process is dotnet, not pwsh.
    function Invoke-IsolationSession {
        param(
            [Parameter(Mandatory)] $Shell,
            [Parameter(Mandatory)] [string] $ConflictingManifest
        )
        $prefix = @($Shell.ArgumentList)
        $output = & $Shell.FilePath @prefix -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $script:Session `
            -ConflictingManifest $ConflictingManifest -ModuleManifest $script:Manifest `
            -EmulatorFile $script:Emulator.PublishFile -ClientId ([guid]::NewGuid().ToString())
        if ($LASTEXITCODE -ne 0) {
            throw "$($Shell.FilePath) $prefix exited with $LASTEXITCODE`: $output"
        }
        return ($output | Select-Object -Last 1 | ConvertFrom-Json)
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'PartnerReferrals beside a module with an older MSAL' {
    It 'signs in and queries on PowerShell 7 with its own MSAL in its own load context' {
        $result = Invoke-IsolationSession -Shell (Get-PowerShellCommand) -ConflictingManifest (New-OlderMsalModule -Framework 'net6.0')

        $result.Outcome | Should -Be 'ok' -Because $result.Error
        $result.OtherMsal | Should -Be '4.61.3.0'
        $result.Environment | Should -Be 'Emulator'
        $result.Rows | Should -Be $script:Emulator.Referrals
        $result.EngineFolder | Should -Be 'dependencies'
        $result.EngineContext | Should -Be 'PartnerReferrals'
        $result.ModelsContext | Should -Be 'Default'
        @($result.EngineMsal) | Should -Not -Contain '4.61.3.0'
        @($result.DefaultContextMsal) | Should -Be @('4.61.3.0')
        @($result.ProcessMsal).Count | Should -Be 2
    }

    It 'signs in and queries on Windows PowerShell 5.1 (side by side, not isolated)' {
        if (-not (Get-Command powershell.exe -CommandType Application -ErrorAction SilentlyContinue)) {
            # Pester 5's -Skip takes no reason: Set-ItResult reports one.
            Set-ItResult -Skipped -Because 'Windows PowerShell 5.1 cannot run on this machine (it exists on Windows only); this test runs on Windows'
        }
        $result = Invoke-IsolationSession -Shell ([pscustomobject] @{ FilePath = 'powershell.exe'; ArgumentList = @() }) -ConflictingManifest (New-OlderMsalModule -Framework 'net462')

        $result.Outcome | Should -Be 'ok' -Because $result.Error
        $result.Edition | Should -Be 'Desktop'
        $result.OtherMsal | Should -Be '4.61.3.0'
        $result.Rows | Should -Be $script:Emulator.Referrals
        $result.EngineFolder | Should -Be 'dependencies'
        @($result.ProcessMsal) | Should -Contain '4.61.3.0'
    }

    It 'signs in and queries after Az.Accounts' {
        if (-not (Get-Module -ListAvailable -Name Az.Accounts)) {
            Set-ItResult -Skipped -Because 'Az.Accounts is not installed on this machine (Install-Module Az.Accounts to run this test)'
        }
        $azAccounts = (Get-Module -ListAvailable -Name Az.Accounts | Sort-Object Version -Descending | Select-Object -First 1).Path
        $result = Invoke-IsolationSession -Shell (Get-PowerShellCommand) -ConflictingManifest $azAccounts

        $result.Outcome | Should -Be 'ok' -Because $result.Error
        $result.Rows | Should -Be $script:Emulator.Referrals
        $result.EngineContext | Should -Be 'PartnerReferrals'
    }
}
