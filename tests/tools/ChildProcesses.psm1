# How build.ps1 and the Pester tests start other processes: a PowerShell like the current one, and the emulator.
# Under `dotnet pwsh` (the local tool) the current process is `dotnet`, not `pwsh`, and `pwsh` may not be on PATH,
# so nothing here assumes either.

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-DotnetPath {
    <# The dotnet host: the current process under `dotnet pwsh`, else the one the SDK names, else the one on PATH. #>
    $process = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return $process
    }
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH)) {
        return $env:DOTNET_HOST_PATH
    }
    $command = Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) {
        throw 'The .NET SDK is not on PATH: install the .NET SDK 10 (https://dot.net).'
    }
    return $command.Source
}

function Get-PowerShellCommand {
    <#
    .SYNOPSIS
        The command that starts a PowerShell of the same version as this one: FilePath plus ArgumentList to put first.
    .DESCRIPTION
        pwsh itself when this process is pwsh; `dotnet $PSHOME/pwsh.dll` when PowerShell runs as a .NET tool
        (then both [Environment]::ProcessPath and (Get-Process -Id $PID).Path are dotnet).
    #>
    $process = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'pwsh') {
        return [pscustomobject] @{ FilePath = $process; ArgumentList = @() }
    }
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path -LiteralPath $dll)) {
        return [pscustomobject] @{ FilePath = $process; ArgumentList = @($dll) }
    }
    foreach ($name in 'pwsh', 'pwsh.exe') {
        $candidate = Join-Path $PSHOME $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) {
            return [pscustomobject] @{ FilePath = $candidate; ArgumentList = @() }
        }
    }
    throw "Cannot tell how to start PowerShell from this host ($process, PSHOME $PSHOME)."
}

function Get-EmulatorAssembly {
    <#
    .SYNOPSIS
        Builds the emulator once per session and returns its PartnerReferrals.Emulator.dll.
    .DESCRIPTION
        The emulator is started from its build output with `dotnet <dll>`, not with `dotnet run`: the process
        started is then the emulator itself (no `dotnet run` in between whose death would orphan it), and each
        start skips a build. The path is kept in $env:PARTNERREFERRALS_EMULATOR_DLL for the rest of the session.
    #>
    param([string] $Configuration = 'Release')
    $cached = $env:PARTNERREFERRALS_EMULATOR_DLL
    if ($cached -and (Test-Path -LiteralPath $cached)) {
        return $cached
    }
    $project = Join-Path $script:Root 'src/PartnerReferrals.Emulator/PartnerReferrals.Emulator.csproj'
    $output = & (Get-DotnetPath) build $project --configuration $Configuration --nologo '-t:Build' '-getProperty:TargetPath' 2>&1
    $dll = ($output | Select-Object -Last 1 | Out-String).Trim()
    if ($LASTEXITCODE -ne 0 -or -not $dll -or -not (Test-Path -LiteralPath $dll)) {
        throw "Building the emulator failed (exit code $LASTEXITCODE):`n$($output -join "`n")"
    }
    $env:PARTNERREFERRALS_EMULATOR_DLL = $dll
    return $dll
}

function Start-Emulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free port and waits until it has published its address to PublishFile.
    .DESCRIPTION
        The emulator watches this PowerShell's process id (--parent-process-id): when this process goes, however
        it goes, the emulator stops and removes PublishFile. Stop it with Stop-Emulator.
    #>
    param(
        [Parameter(Mandatory)] [string] $PublishFile,
        [Parameter(Mandatory)] [int] $Referrals,
        [string] $Configuration = 'Release',
        # More emulator options (see `--help`), e.g. '--seed', '9'.
        [string[]] $ArgumentList = @()
    )
    Remove-Item -Force -LiteralPath $PublishFile -ErrorAction SilentlyContinue
    $dll = Get-EmulatorAssembly -Configuration $Configuration
    # ProcessStartInfo.ArgumentList quotes each argument, so paths with spaces survive (Start-Process does not).
    $info = [System.Diagnostics.ProcessStartInfo]::new((Get-DotnetPath))
    foreach ($argument in @($dll, '--referrals', $Referrals, '--publish', $PublishFile, '--parent-process-id', $PID) + $ArgumentList) {
        $info.ArgumentList.Add([string] $argument)
    }
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $deadline = (Get-Date).AddMinutes(3)
    while (-not (Test-Path -LiteralPath $PublishFile)) {
        if ($process.HasExited) {
            throw "The emulator exited with code $($process.ExitCode) before publishing $PublishFile."
        }
        if ((Get-Date) -gt $deadline) {
            Stop-Emulator -Process $process -PublishFile $PublishFile
            throw "The emulator did not publish $PublishFile within three minutes."
        }
        Start-Sleep -Milliseconds 100
    }
    return $process
}

function Stop-Emulator {
    param(
        [System.Diagnostics.Process] $Process,
        [string] $PublishFile
    )
    if ($Process -and -not $Process.HasExited) {
        $Process.Kill()
        $Process.WaitForExit(10000) | Out-Null
    }
    if ($PublishFile) {
        # A killed emulator cannot remove its own file.
        Remove-Item -Force -LiteralPath $PublishFile -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Get-DotnetPath, Get-PowerShellCommand, Get-EmulatorAssembly, Start-Emulator, Stop-Emulator
