# Shared by the tests of what build.ps1 -Task Package delivers besides the module folder (the PSResourceGet repository,
# the Azure Automation zip): the README's own lines, and a fresh PowerShell that imports the module by name and pulls.

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $script:Root 'tests/tools/PowerShellSandbox.psm1') -Force

function Get-RepositoryRoot {
    $script:Root
}

function Get-DirectoryBuildVersion {
    # The one source of the version (Directory.Build.props); the package's names and manifest must carry it.
    ([xml] (Get-Content -Raw -Path (Join-Path $script:Root 'Directory.Build.props'))).Project.PropertyGroup.Version |
        Where-Object { $_ } | Select-Object -First 1
}

function Get-ReadmeCodeBlock {
    <# The one ```powershell block of README.md that contains the given text, exactly as a reader would copy it. #>
    param([Parameter(Mandatory)] [string] $Containing)
    $readme = Get-Content -Raw -Path (Join-Path $script:Root 'README.md')
    $blocks = @([regex]::Matches($readme, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value } |
            Where-Object { $_.Contains($Containing) })
    if ($blocks.Count -ne 1) {
        throw "README.md has $($blocks.Count) powershell blocks containing '$Containing'; expected exactly one."
    }
    $blocks[0]
}

function Test-SandboxIsolation {
    <# Whether a sandboxed PowerShell really keeps PSResourceGet's settings and the user's modules in DataHome. #>
    param([Parameter(Mandatory)] [string] $DataHome)
    (Invoke-PowerShellSandbox -Script '# nothing: the probe alone' -DataHome $DataHome).UserDataIsolated
}

function Invoke-PullByName {
    <#
    .SYNOPSIS
        In a fresh PowerShell (home DataHome): Import-Module PartnerReferrals by name, sign in to the emulator, pull
        every referral. Returns ModuleBase, Version, Rows and Environment as the child saw them.
    #>
    param(
        [Parameter(Mandatory)] [string] $DataHome,
        [Parameter(Mandatory)] [string] $EmulatorFile,
        # A folder to put in front of the child's PSModulePath (else only its defaults, as a new session has).
        [string] $ModulePath
    )
    $environment = @{ PARTNERREFERRALS_TEST_EMULATOR = $EmulatorFile }
    if ($ModulePath) {
        $environment.PSModulePath = $ModulePath
    }
    $script = {
        $ErrorActionPreference = 'Stop'
        Import-Module PartnerReferrals
        $module = Get-Module PartnerReferrals
        $context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $env:PARTNERREFERRALS_TEST_EMULATOR -UseDeviceCode -ClientId ([guid]::NewGuid().ToString()) -WarningAction SilentlyContinue
        $rows = @(Get-PartnerReferral).Count
        Disconnect-PartnerReferrals
        [pscustomobject] @{ ModuleBase = $module.ModuleBase; Version = $module.Version.ToString(); Rows = $rows; Environment = "$($context.Environment)" } |
            ConvertTo-Json -Compress
    }
    $run = Invoke-PowerShellSandbox -Script $script.ToString() -DataHome $DataHome -Environment $environment
    if ($run.ExitCode -ne 0) {
        throw "The fresh PowerShell failed (exit code $($run.ExitCode)): $($run.Output) $($run.Error)"
    }
    ($run.Output -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
}

Export-ModuleMember -Function Get-RepositoryRoot, Get-DirectoryBuildVersion, Get-ReadmeCodeBlock, Test-SandboxIsolation, Invoke-PullByName, Invoke-PowerShellSandbox
