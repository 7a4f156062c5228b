# A fresh PowerShell whose per-user data lives in a folder of the caller's: PSResourceGet's repository list
# (LocalApplicationData/PSResourceGet), the CurrentUser module folder that Install-PSResource fills (PSResourceGet
# derives it from HOME) and the one $env:PSModulePath starts with (PowerShell derives it from XDG_DATA_HOME).
# build.ps1 publishes through it and the Pester tests install through it, so neither ever registers a repository or
# installs a module in the user's own settings.
#
# The folder becomes the child's HOME, with its own .local/share, .config and .cache as XDG_DATA_HOME, XDG_CONFIG_HOME
# and XDG_CACHE_HOME (NuGet, inside PSResourceGet, writes a NuGet.Config under the config folder), which .NET, PowerShell
# and PSResourceGet honour on Linux and macOS. Windows locates these folders without environment variables: there the
# child's UserDataIsolated is false and callers decide.

Import-Module (Join-Path $PSScriptRoot 'ChildProcesses.psm1')

function Invoke-PowerShellSandbox {
    <#
    .SYNOPSIS
        Runs Script in a fresh PowerShell whose home folder is DataHome; returns ExitCode, Output, Error and
        UserDataIsolated (whether PSResourceGet's settings and the CurrentUser modules really live under DataHome).
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [Parameter(Mandatory)] [string] $DataHome,
        [string] $WorkingDirectory = (Get-Location -PSProvider FileSystem).ProviderPath,
        # More environment variables for the child (values to pass without quoting them into Script).
        [hashtable] $Environment = @{},
        [timespan] $Timeout = [timespan]::FromMinutes(5)
    )
    # .NET answers an empty special folder for one that does not exist, and PSResourceGet and NuGet then write their
    # files relative to the working directory: the folders must exist first.
    $folders = [ordered] @{ XDG_DATA_HOME = '.local/share'; XDG_CONFIG_HOME = '.config'; XDG_CACHE_HOME = '.cache' }
    foreach ($name in @($folders.Keys)) {
        $folders[$name] = (New-Item -ItemType Directory -Force -Path (Join-Path $DataHome $folders[$name])).FullName
    }
    $DataHome = (Resolve-Path -LiteralPath $DataHome).ProviderPath
    $marker = '##sandbox-isolated:'
    $probe = @"
`$sandbox = '$($DataHome.Replace("'", "''"))'
`$folders = @('LocalApplicationData', 'ApplicationData', 'UserProfile' | ForEach-Object { [Environment]::GetFolderPath(`$_) }) + @(`$env:PSModulePath -split [System.IO.Path]::PathSeparator)[0]
Write-Output ('$marker' + (@(`$folders | Where-Object { `$_ -and `$_.StartsWith(`$sandbox) }).Count -eq `$folders.Count))
"@
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($probe + "`n" + $Script))

    $shell = Get-PowerShellCommand
    $info = [System.Diagnostics.ProcessStartInfo]::new($shell.FilePath)
    foreach ($argument in @($shell.ArgumentList) + @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)) {
        $info.ArgumentList.Add($argument)
    }
    $info.WorkingDirectory = $WorkingDirectory
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.Environment['HOME'] = $DataHome
    foreach ($name in $folders.Keys) {
        $info.Environment[$name] = $folders[$name]
    }
    # Inherited, it would carry this session's user module folder into the child; PowerShell rebuilds it from the above.
    $null = $info.Environment.Remove('PSModulePath')
    foreach ($name in $Environment.Keys) {
        $info.Environment[$name] = [string] $Environment[$name]
    }

    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit([int] $Timeout.TotalMilliseconds)) {
            $process.Kill($true)
            throw "The sandboxed PowerShell did not finish within $Timeout."
        }
        $process.WaitForExit()
        $lines = @($stdout.Result -split "\r?\n")
        [pscustomobject] @{
            ExitCode         = $process.ExitCode
            UserDataIsolated = @($lines | Where-Object { $_ -eq "${marker}True" }).Count -eq 1
            Output           = ($lines | Where-Object { -not $_.StartsWith($marker) }) -join "`n"
            Error            = $stderr.Result
        }
    }
    finally {
        $process.Dispose()
    }
}

Export-ModuleMember -Function Invoke-PowerShellSandbox
