#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the PartnerReferrals module.

.DESCRIPTION
    Build    dotnet build of the solution.
    Test     dotnet test of the solution (one TRX file per test project in artifacts/test-results), then Package,
             then every Pester test in tests/Pester in a fresh PowerShell (result file artifacts/test-results/Pester.xml,
             NUnit XML written by Pester). The Pester suite includes the demo (tests/Pester/Demo.Tests.ps1). Fails when
             either part fails. When no Pester 5+ is installed, the pinned one (tests/tools/Pester.proj) is
             restored from NuGet into artifacts/tools/packages and used from there.
    Package  publishes the cmdlets and the engine and lays out artifacts/module/PartnerReferrals/<version>/ through the
             MSBuild target in src/PartnerReferrals/ModuleLayout.targets (the same one the tests run): PartnerReferrals.dll
             and the module files at the top, the engine and every third-party assembly in dependencies/, from the
             explicit list in src/PartnerReferrals/PackageFiles.props; fails on any assembly not in that list. The same
             target writes the cmdlets' help (en-US/PartnerReferrals.dll-Help.xml) with src/PartnerReferrals/ModuleHelp.ps1,
             from the cmdlets' metadata, their parameters' doc comments and module/help/*.md, and stamps the version
             (Directory.Build.props) and the release notes (CHANGELOG.md) into the manifest. Then it publishes that
             folder with Publish-PSResource to the file repository artifacts/repository (PartnerReferrals.<version>.nupkg,
             what `Install-PSResource PartnerReferrals` installs) and writes artifacts/PartnerReferrals.zip for Azure
             Automation's module import.
    Demo     packages the module if artifacts/module has no package yet, starts the emulator, imports the packaged
             module, signs in by device code, exports every referral to artifacts/demo/referrals.csv with
             Export-PartnerReferral (ISO 8601 UTC dates, the same in every culture), prints a summary
             by status and by month (also written to artifacts/demo/by-status.csv and by-status-and-month.csv), the
             funnel and response times of the largest markets, and writes the HTML report artifacts/demo/report.html.

    With only the .NET SDK: `dotnet tool restore`, then `dotnet pwsh ./build.ps1 ...` (PowerShell from the tool manifest).

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
# How to start dotnet, PowerShell and the emulator without assuming pwsh on PATH (the Pester tests use the same).
Import-Module (Join-Path $Root 'tests/tools/ChildProcesses.psm1') -Force
# A PowerShell whose PSResourceGet settings live in a folder of ours, so publishing registers nothing of the user's.
Import-Module (Join-Path $Root 'tests/tools/PowerShellSandbox.psm1') -Force
$Dotnet = Get-DotnetPath

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
    Invoke-Native $Dotnet @('build', $Solution, '--configuration', $Configuration)
}

function Get-PesterManifest {
    # An installed Pester 5+ first; else the version pinned in tests/tools/Pester.proj, restored from NuGet.
    $installed = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version] '5.0' } |
        Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) {
        return $installed.Path
    }
    $project = Join-Path $Root 'tests/tools/Pester.proj'
    [xml] $xml = Get-Content -Raw -Path $project
    $version = $xml.SelectSingleNode("//PackageDownload[@Include='Pester']").Version.Trim('[', ']')
    $packages = Join-Path $Artifacts 'tools/packages'
    $manifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
    Write-Host "Pester 5 is not installed: using Pester $version from NuGet in $packages (tests/tools/Pester.proj)." -ForegroundColor Yellow
    if (-not (Test-Path $manifest)) {
        Invoke-Native $Dotnet @('restore', $project, '--packages', $packages, '--verbosity', 'quiet')
    }
    if (-not (Test-Path $manifest)) {
        throw "Restoring $project did not produce $manifest."
    }
    return $manifest
}

function Install-DebianPackage {
    # Tools some tests need, installed where we may: Debian's packages, as root with apt-get (as on CI). Returns
    # whether they were installed; elsewhere the caller says what to install.
    param([Parameter(Mandatory)] [string] $Reason, [Parameter(Mandatory)] [string[]] $Package, [switch] $NoRecommends)
    $apt = Get-Command apt-get -ErrorAction SilentlyContinue
    if (-not ($apt -and $IsLinux -and (& id -u) -eq '0')) {
        return $false
    }
    Write-Host "Installing Debian's $($Package -join ', ') for $Reason." -ForegroundColor Yellow
    # apt-get's output goes to the console, not into this function's result.
    if (-not $script:AptUpdated) {
        Invoke-Native $apt.Source @('update', '-qq') | Out-Host
        $script:AptUpdated = $true
    }
    Invoke-Native $apt.Source (@('install', '-y', '-qq') + @(if ($NoRecommends) { '--no-install-recommends' }) + $Package) | Out-Host
    return $true
}

function Assert-Chromium {
    # The report's browser test opens it in a real headless Chromium; rather than fail deep inside a test where it
    # cannot be installed, say what to install.
    if (Get-Command chromium -ErrorAction SilentlyContinue) {
        return
    }
    if (-not (Install-DebianPackage -Reason 'the report''s browser test' -Package 'chromium')) {
        Write-Warning 'Chromium is not installed, so the report''s browser test will fail: install it (Debian: apt-get install chromium).'
    }
}

function Assert-Mono {
    # Mono stands in for .NET Framework 4.7.2 (Windows PowerShell 5.1's runtime) in WindowsPowerShell.Tests.ps1: its
    # runtime, and the netstandard facades that only mono-devel ships. Without it that test is skipped with the reason.
    if ((Get-Command mono -ErrorAction SilentlyContinue) -and (Test-Path '/usr/lib/mono/4.5/Facades/netstandard.dll')) {
        return
    }
    if (-not (Install-DebianPackage -Reason 'the .NET Framework run of the engine (WindowsPowerShell.Tests.ps1)' -Package 'mono-devel' -NoRecommends)) {
        Write-Host 'Mono is not installed: the .NET Framework run of the engine will be skipped (Debian: apt-get install mono-devel).' -ForegroundColor Yellow
    }
}

function Assert-ProxyServer {
    # Proxy.Tests.ps1 signs in and pulls through a real proxy (Debian's tinyproxy, with basic authentication, started by
    # the test on 127.0.0.1); without it those tests are skipped with the reason.
    if (Get-Command tinyproxy -ErrorAction SilentlyContinue) {
        return
    }
    if (-not (Install-DebianPackage -Reason 'the proxy tests (Proxy.Tests.ps1)' -Package 'tinyproxy' -NoRecommends)) {
        Write-Host 'tinyproxy is not installed: the proxy tests will be skipped (Debian: apt-get install tinyproxy).' -ForegroundColor Yellow
    }
}

function Invoke-Test {
    $results = Join-Path $Artifacts 'test-results'
    $failures = [System.Collections.Generic.List[string]]::new()
    Assert-Chromium
    Assert-Mono
    Assert-ProxyServer

    # Each test project writes <project>.trx (tests/Directory.Build.props), so no file overwrites another.
    Write-Host "> $Dotnet test $Solution --configuration $Configuration --results-directory $results" -ForegroundColor DarkGray
    & $Dotnet test $Solution --configuration $Configuration --results-directory $results
    if ($LASTEXITCODE -ne 0) {
        $failures.Add("dotnet test failed (exit code $LASTEXITCODE; see the TRX files in $results)")
    }

    # The Pester tests run even when an xunit test failed, so one run reports every failure.
    try {
        $pester = Get-PesterManifest
        Invoke-Package
        $env:PARTNERREFERRALS_MODULE_DIR = Get-PackageDirectory
        $env:PARTNERREFERRALS_CONFIGURATION = $Configuration
        $resultFile = Join-Path $results 'Pester.xml'
        Remove-Item -Force -Path $resultFile -ErrorAction SilentlyContinue
        $pwsh = Get-PowerShellCommand
        $arguments = @($pwsh.ArgumentList) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tests/tools/Invoke-PesterSuite.ps1'),
            '-PesterManifest', $pester, '-Path', (Join-Path $Root 'tests/Pester'), '-ResultFile', $resultFile)
        Write-Host "> $($pwsh.FilePath) $($arguments -join ' ')" -ForegroundColor DarkGray
        & $pwsh.FilePath @arguments
        if ($LASTEXITCODE -ne 0) {
            $failures.Add("Pester failed (exit code $LASTEXITCODE; see $resultFile)")
        }
    }
    catch {
        $failures.Add("the Pester tests could not run: $($_.Exception.Message)")
    }

    if ($failures.Count -gt 0) {
        throw "Tests failed: $($failures -join '; ')."
    }
    Write-Host "All tests passed (results in $results)." -ForegroundColor Green
}

function Invoke-Package {
    $version = Get-ModuleVersion
    $publish = Join-Path $Artifacts 'publish/PartnerReferrals'
    $target = Get-PackageDirectory

    # A fresh publish folder: the layout target checks every assembly in it against PackageFiles.props.
    Remove-Item -Recurse -Force -Path $publish, $target -ErrorAction SilentlyContinue
    Invoke-Native $Dotnet @('publish', (Join-Path $Root 'src/PartnerReferrals/PartnerReferrals.csproj'), '--configuration', $Configuration,
        '--output', $publish, "-p:ModuleLayout=$target")

    # The layout target stamped the version; check what PowerShell reads.
    $check = Test-ModuleManifest -Path (Join-Path $target 'PartnerReferrals.psd1')
    if ($check.Version -ne [version] $version) {
        throw "The packaged manifest says $($check.Version), Directory.Build.props says $version."
    }
    Write-Host "Packaged PartnerReferrals $version in $target" -ForegroundColor Green
    Publish-LocalRepository -ModuleDirectory $target -Version $version
    New-AutomationZip -ModuleDirectory $target
}

function Publish-LocalRepository {
    # A PSResourceGet file repository holding what a gallery would receive: Publish-PSResource packs the module folder
    # (manifest checked, metadata from PrivateData.PSData) into artifacts/repository/PartnerReferrals.<version>.nupkg.
    # Publishing needs a registered repository: it is registered under a name of its own and unregistered again, in a
    # sandboxed PowerShell (tests/tools/PowerShellSandbox.psm1) whose settings live in a temporary folder, so on Linux
    # and macOS the user's settings never see it (on Windows, which has no such sandbox, only for the publish's length).
    param([Parameter(Mandatory)] [string] $ModuleDirectory, [Parameter(Mandatory)] [string] $Version)
    $repository = Join-Path $Artifacts 'repository'
    Remove-Item -Recurse -Force -Path $repository -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force -Path $repository | Out-Null
    $dataHome = Join-Path ([System.IO.Path]::GetTempPath()) "partnerreferrals-publish-$([guid]::NewGuid().ToString('N'))"
    $script = {
        $ErrorActionPreference = 'Stop'
        if (-not (Get-Command Publish-PSResource -ErrorAction SilentlyContinue)) {
            throw 'Publish-PSResource is missing: PSResourceGet ships with PowerShell 7.4+ (or: Install-Module Microsoft.PowerShell.PSResourceGet).'
        }
        $name = 'PartnerReferralsBuild' + [guid]::NewGuid().ToString('N')
        Register-PSResourceRepository -Name $name -Uri $env:PARTNERREFERRALS_REPOSITORY -Trusted
        try {
            Publish-PSResource -Path $env:PARTNERREFERRALS_MODULE -Repository $name
        }
        finally {
            Unregister-PSResourceRepository -Name $name
        }
    }
    try {
        $run = Invoke-PowerShellSandbox -Script $script.ToString() -DataHome $dataHome -WorkingDirectory $Artifacts -Environment @{
            PARTNERREFERRALS_REPOSITORY = $repository
            PARTNERREFERRALS_MODULE     = $ModuleDirectory
        }
    }
    finally {
        Remove-Item -Recurse -Force -Path $dataHome -ErrorAction SilentlyContinue
    }
    $package = Join-Path $repository "PartnerReferrals.$Version.nupkg"
    if ($run.ExitCode -ne 0 -or -not (Test-Path -LiteralPath $package)) {
        throw "Publish-PSResource did not write $package (exit code $($run.ExitCode)): $($run.Output) $($run.Error)"
    }
    Write-Host "Published $package (install: see README, 'Installing the module')" -ForegroundColor Green
}

function New-AutomationZip {
    # Azure Automation imports a module from a .zip named after it that holds a folder of the same name with the
    # manifest inside: "The name of the .zip file, the name of the folder, and the name of the file in the folder must
    # be the same" (New-AzAutomationModule's help); "zip up the module folder ... The .zip package should have the
    # same name as the contained module folder" (Azure Automation, "Manage modules", Author modules). A folder rather
    # than files at the zip's root, because that is the layout both pages describe; and no version folder inside it,
    # since Automation adds its own and the same page advised against one (it ends up twice on State Configuration
    # nodes). Entry names use '/' and stay far below the page's 140-character path limit.
    param([Parameter(Mandatory)] [string] $ModuleDirectory)
    $zip = Join-Path $Artifacts 'PartnerReferrals.zip'
    Remove-Item -Force -Path $zip -ErrorAction SilentlyContinue
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $archive = [System.IO.Compression.ZipFile]::Open($zip, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($file in Get-ChildItem -LiteralPath $ModuleDirectory -Recurse -File | Sort-Object FullName) {
            $entry = 'PartnerReferrals/' + [System.IO.Path]::GetRelativePath($ModuleDirectory, $file.FullName).Replace('\', '/')
            $null = [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($archive, $file.FullName, $entry, [System.IO.Compression.CompressionLevel]::Optimal)
        }
    }
    finally {
        $archive.Dispose()
    }
    Write-Host "Wrote $zip for Azure Automation (README: 'Azure Automation')" -ForegroundColor Green
}

function Get-MonthName {
    param($Group)
    if ($null -eq $Group.CreatedDate) { '(none)' } else { $Group.CreatedDate.ToString('yyyy-MM') }
}

function Format-MonthTable {
    # Format-Table takes its columns from the first object: every row gets every status, 0 where a month has none,
    # or a status missing from the first month would vanish from the table.
    param([Parameter(Mandatory)] [object[]] $Groups, [Parameter(Mandatory)] [string[]] $Statuses)
    $Groups | Group-Object { Get-MonthName $_ } |
        Sort-Object Name | ForEach-Object {
            $cells = [ordered] @{ Month = $_.Name }
            foreach ($status in $Statuses) {
                $cells[$status] = 0
            }
            foreach ($group in $_.Group) {
                $cells[[string] $group.Status] += $group.ReferralCount
            }
            [pscustomobject] $cells
        }
}

function Invoke-Demo {
    $target = Get-PackageDirectory
    if (-not (Test-Path (Join-Path $target 'PartnerReferrals.psd1'))) {
        Invoke-Package
    }

    $demo = Join-Path $Artifacts 'demo'
    $csv = Join-Path $demo 'referrals.csv'
    $byStatusCsv = Join-Path $demo 'by-status.csv'
    $byMonthCsv = Join-Path $demo 'by-status-and-month.csv'
    $reportFile = Join-Path $demo 'report.html'
    $coSellCsv = Join-Path $demo 'cosell-referrals.csv'
    # A failed demo must not leave the last run's files looking like this run's.
    Remove-Item -Force -Path $csv, $byStatusCsv, $byMonthCsv, $reportFile, $coSellCsv -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force -Path $demo | Out-Null
    $publishFile = Join-Path ([System.IO.Path]::GetTempPath()) "partnerreferrals-demo-$PID.json"
    $emulator = $null
    try {
        $emulator = Start-Emulator -PublishFile $publishFile -Referrals $Referrals -Configuration $Configuration
        Import-Module (Join-Path $target 'PartnerReferrals.psd1') -Force

        $context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $publishFile -UseDeviceCode -ClientId ([guid]::NewGuid().ToString())
        $context | Format-List | Out-Host

        # Export-PartnerReferral writes dates as ISO 8601 UTC, so the file reads back the same in every culture
        # (README: Import-Csv ./artifacts/demo/referrals.csv | Measure-PartnerReferral); Export-Csv would write this one's.
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $export = Export-PartnerReferral -Path $csv -PassThru
        Write-Host "Exported $($export.Rows) referrals to $csv in $([int]$watch.Elapsed.TotalMilliseconds) ms." -ForegroundColor Green

        # A summary row exports as its grouped fields and its count (and GroupBy, which lets a row read back drill down).
        $byStatus = @(Get-PartnerReferralSummary -GroupBy status | Sort-Object ReferralCount -Descending)
        $byStatus | Export-Csv -Path $byStatusCsv -NoTypeInformation
        Write-Host "Referrals by status ($byStatusCsv):"
        $byStatus | Format-Table Status, ReferralCount -AutoSize | Out-Host
        Write-Host "Total: $(($byStatus | Measure-Object ReferralCount -Sum).Sum) referrals."

        $byMonth = @(Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month)
        $byMonth | Select-Object Status, @{ Name = 'Month'; Expression = { Get-MonthName $_ } }, ReferralCount |
            Export-Csv -Path $byMonthCsv -NoTypeInformation
        $lastMonths = @(Format-MonthTable -Groups $byMonth -Statuses @($byStatus.Status) | Select-Object -Last 12)
        # Only the statuses these months have, in the order of the table above.
        $shown = @($byStatus.Status | Where-Object { $status = $_; @($lastMonths | Where-Object { $_.$status -gt 0 }).Count -gt 0 })
        Write-Host "Referrals created per month and status (last 12 months of data; every month in $byMonthCsv):"
        # Out-String -Width: a narrow or redirected console would otherwise drop the columns that do not fit.
        $lastMonths | Format-Table (@('Month') + $shown) -AutoSize | Out-String -Width 4096 | Out-Host

        Write-Host 'Funnel and response times of the largest customer markets:'
        Measure-PartnerReferral -GroupBy customerMarket | Sort-Object Created -Descending | Select-Object -First 8 | Out-Host

        $report = Export-PartnerReferralReport -Path $reportFile -PassThru
        Write-Host "Wrote the report of $($report.Referrals) referrals to $($report.Path) ($($report.Length) bytes)." -ForegroundColor Green

        # The referrals partners work on every day live in the co-sell Referrals API; the same sign-in reaches it.
        $coSell = @(Get-PartnerCoSellReferral)
        $coSell | Export-Csv -Path $coSellCsv -NoTypeInformation
        Write-Host "Exported $($coSell.Count) co-sell referrals to $coSellCsv." -ForegroundColor Green
        $waiting = @(Get-PartnerCoSellReferral -Direction Incoming -Status New -OrderBy 'createdDateTime desc')
        Write-Host "Incoming co-sell referrals waiting for an answer: $($waiting.Count); the newest five:"
        $waiting | Select-Object -First 5 | Out-String -Width 120 | Out-Host

        Disconnect-PartnerReferrals
    }
    finally {
        Stop-Emulator -Process $emulator -PublishFile $publishFile
    }
}

foreach ($step in $Task) {
    Write-Host "== $step ($Configuration)" -ForegroundColor Cyan
    try {
        switch ($step) {
            'Build' { Invoke-Build }
            'Test' { Invoke-Test }
            'Package' { Invoke-Package }
            'Demo' { Invoke-Demo }
        }
    }
    catch {
        Write-Host "build.ps1 -Task ${step} failed: $($_.Exception.Message)" -ForegroundColor Red
        Write-Host $_.ScriptStackTrace -ForegroundColor DarkGray
        exit 1
    }
}
