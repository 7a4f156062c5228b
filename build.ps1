#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the PartnerReferrals module.

.DESCRIPTION
    Build    dotnet build of the solution.
    Test     dotnet test of the solution, then the Pester tests in tests/Pester (against the packaged module and
             the emulator) when Pester 5 is installed.
    Package  publishes the cmdlets and the engine and lays out artifacts/module/PartnerReferrals/<version>/ through the
             MSBuild target in src/PartnerReferrals/ModuleLayout.targets (the same one the tests run): PartnerReferrals.dll
             and the module files at the top, the engine and every third-party assembly in dependencies/, from the
             explicit list in src/PartnerReferrals/PackageFiles.props; fails on any assembly not in that list.
             The version comes from Directory.Build.props and is stamped into the manifest.
    Demo     starts the emulator, imports the packaged module, signs in by device code, exports every referral to
             CSV and prints a summary by status and month.

.EXAMPLE
    ./build.ps1 -Task Build, Test

.EXAMPLE
    ./build.ps1 -Task Package, Demo -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string[]] $Task = @('Build', 'Test'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Rows the emulator generates for Demo.
    [ValidateRange(1, 1000000)]
    [int] $Referrals = 5000
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$Artifacts = Join-Path $Root 'artifacts'
$Solution = Join-Path $Root 'PartnerReferrals.sln'

function Invoke-Native {
    # Native commands do not throw on failure: check the exit code of each one.
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @()
    )
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "$FilePath failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    # Directory.Build.props is the one source of the version.
    [xml] $props = Get-Content -Raw -Path (Join-Path $Root 'Directory.Build.props')
    $node = $props.SelectSingleNode('/Project/PropertyGroup/Version')
    if (-not $node -or -not $node.InnerText) {
        throw 'No <Version> in Directory.Build.props.'
    }
    return $node.InnerText.Trim()
}

function Get-PackageDirectory {
    Join-Path $Artifacts "module/PartnerReferrals/$(Get-ModuleVersion)"
}

function Invoke-Build {
    Invoke-Native dotnet @('build', $Solution, '--configuration', $Configuration)
}

function Invoke-Test {
    $syntax = Join-Path $Root 'tests/syntax'
    if (-not (Test-Path (Join-Path $syntax 'node_modules')) -and (Get-Command npm -ErrorAction SilentlyContinue)) {
        Invoke-Native npm @('ci', '--prefix', $syntax, '--no-audit', '--no-fund')
    }

    $results = Join-Path $Artifacts 'test-results'
    Invoke-Native dotnet @('test', $Solution, '--configuration', $Configuration, '--results-directory', $results)

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version] '5.0' } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed: skipping tests/Pester (Install-Module Pester -MinimumVersion 5.0).'
        return
    }

    Invoke-Package
    Import-Module $pester -Force
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $Root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $results 'Pester.xml'
    $env:PARTNERREFERRALS_MODULE_DIR = Get-PackageDirectory
    $env:PARTNERREFERRALS_CONFIGURATION = $Configuration
    $run = Invoke-Pester -Configuration $config
    if ($run.FailedCount -gt 0 -or $run.Result -ne 'Passed') {
        throw "Pester: $($run.FailedCount) test(s) failed."
    }
}

function Invoke-Package {
    $version = Get-ModuleVersion
    $publish = Join-Path $Artifacts 'publish/PartnerReferrals'
    $target = Get-PackageDirectory

    # A fresh publish folder: the layout target checks every assembly in it against PackageFiles.props.
    Remove-Item -Recurse -Force -Path $publish, $target -ErrorAction SilentlyContinue
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/PartnerReferrals/PartnerReferrals.csproj'), '--configuration', $Configuration,
        '--output', $publish, "-p:ModuleLayout=$target")

    $manifest = Join-Path $target 'PartnerReferrals.psd1'
    # Stamp the version only; Update-ModuleManifest would rewrite (and reformat) the whole file.
    $text = Get-Content -Raw -Path $manifest
    $stamped = $text -replace "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$version'"
    Set-Content -Path $manifest -Value $stamped -NoNewline -Encoding utf8
    $check = Test-ModuleManifest -Path $manifest
    if ($check.Version -ne [version] $version) {
        throw "The packaged manifest says $($check.Version), Directory.Build.props says $version."
    }
    Write-Host "Packaged PartnerReferrals $version in $target" -ForegroundColor Green
}

function Start-Emulator {
    param(
        [Parameter(Mandatory)] [string] $PublishFile,
        [int] $Count = $Referrals
    )
    Remove-Item -Force -Path $PublishFile -ErrorAction SilentlyContinue
    $arguments = @('run', '--project', (Join-Path $Root 'src/PartnerReferrals.Emulator'), '--configuration', $Configuration,
        '--', '--referrals', $Count, '--publish', $PublishFile)
    # ProcessStartInfo.ArgumentList quotes each argument, so paths with spaces survive (Start-Process does not).
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) {
        $info.ArgumentList.Add([string] $argument)
    }
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $deadline = (Get-Date).AddMinutes(3)
    while (-not (Test-Path $PublishFile)) {
        if ($process.HasExited) {
            throw "The emulator exited with code $($process.ExitCode) before publishing $PublishFile."
        }
        if ((Get-Date) -gt $deadline) {
            Stop-Emulator $process
            throw "The emulator did not publish $PublishFile within three minutes."
        }
        Start-Sleep -Milliseconds 250
    }
    return $process
}

function Stop-Emulator {
    param($Process)
    if ($Process -and -not $Process.HasExited) {
        # 'dotnet run' starts the emulator as a child process: stop the whole tree.
        $Process.Kill($true)
        $Process.WaitForExit(10000) | Out-Null
    }
}

function Invoke-Demo {
    $target = Get-PackageDirectory
    if (-not (Test-Path (Join-Path $target 'PartnerReferrals.psd1'))) {
        Invoke-Package
    }

    $demo = Join-Path $Artifacts 'demo'
    New-Item -ItemType Directory -Force -Path $demo | Out-Null
    $publishFile = Join-Path ([System.IO.Path]::GetTempPath()) "partnerreferrals-demo-$PID.json"
    $csv = Join-Path $demo 'referrals.csv'
    $emulator = $null
    try {
        $emulator = Start-Emulator -PublishFile $publishFile
        Import-Module (Join-Path $target 'PartnerReferrals.psd1') -Force

        $context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $publishFile -UseDeviceCode -ClientId ([guid]::NewGuid().ToString())
        $context | Format-List | Out-Host

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Get-PartnerReferral | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv)
        Write-Host "Exported $($rows.Count) referrals to $csv in $([int]$watch.Elapsed.TotalMilliseconds) ms." -ForegroundColor Green

        Write-Host 'Referrals by status:'
        Get-PartnerReferralSummary -GroupBy status | Sort-Object ReferralCount -Descending |
            Format-Table Status, ReferralCount -AutoSize | Out-Host

        Write-Host 'Referrals created per month and status (last 12 months of data):'
        $byMonth = Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month
        $byMonth | Group-Object { $_.CreatedDate.ToString('yyyy-MM') } | Sort-Object Name | Select-Object -Last 12 |
            ForEach-Object {
                $month = $_
                $cells = [ordered]@{ Month = $month.Name }
                foreach ($group in $month.Group | Sort-Object Status) {
                    $cells[$group.Status] = $group.ReferralCount
                }
                [pscustomobject] $cells
            } | Format-Table -AutoSize | Out-Host

        Disconnect-PartnerReferrals
    }
    finally {
        Stop-Emulator $emulator
        Remove-Item -Force -Path $publishFile -ErrorAction SilentlyContinue
    }
}

foreach ($step in $Task) {
    Write-Host "== $step ($Configuration)" -ForegroundColor Cyan
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
    }
}
