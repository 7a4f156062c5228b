# Shared by the Pester tests: find the packaged module and run the emulator for the length of a test file.

$script:Root = Resolve-Path (Join-Path $PSScriptRoot '../..')

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

function Start-TestEmulator {
    param(
        [int] $Referrals = 500,
        # More emulator options, e.g. '--token-lifetime', 60.
        [object[]] $ExtraArguments = @()
    )
    $configuration = $env:PARTNERREFERRALS_CONFIGURATION
    if (-not $configuration) {
        $configuration = 'Release'
    }
    $publishFile = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-pester-{0}.json" -f [guid]::NewGuid())
    $arguments = @('run', '--project', (Join-Path $script:Root 'src/PartnerReferrals.Emulator'), '--configuration', $configuration,
        '--', '--referrals', $Referrals, '--publish', $publishFile) + $ExtraArguments
    # ProcessStartInfo.ArgumentList quotes each argument, so paths with spaces survive (Start-Process does not).
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $arguments) {
        $info.ArgumentList.Add([string] $argument)
    }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $deadline = (Get-Date).AddMinutes(3)
    while (-not (Test-Path $publishFile)) {
        if ($process.HasExited) {
            throw "The emulator exited with code $($process.ExitCode) before publishing its address."
        }
        if ((Get-Date) -gt $deadline) {
            $process.Kill($true)
            throw 'The emulator did not publish its address within three minutes.'
        }
        Start-Sleep -Milliseconds 250
    }
    [pscustomobject] @{
        Process     = $process
        PublishFile = $publishFile
        Referrals   = $Referrals
    }
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        # 'dotnet run' starts the emulator as a child: stop the whole tree.
        $Emulator.Process.Kill($true)
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    if ($Emulator) {
        Remove-Item -Force -Path $Emulator.PublishFile -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Get-PackagedModulePath, Start-TestEmulator, Stop-TestEmulator
