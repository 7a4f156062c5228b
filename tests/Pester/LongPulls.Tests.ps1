#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# A long pull as a console shows it: one progress activity with a real percentage, and Ctrl+C (PowerShell.Stop(), as
# a host calls it) ending it promptly with nothing more sent. Each pull runs in a runspace of its own, whose streams
# hold what a host's progress bar receives; the module's session is the process's. Ctrl+C as a signal to a console
# pwsh is FileSafety.Tests.ps1's.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-longpulls-{0}.log" -f [guid]::NewGuid())
    # 150 ms a request: 600 pages of 2 would take over a minute. Progress moves every 500 rows.
    $script:Emulator = Start-TestEmulator -Referrals 1200 -ArgumentList '--request-log', $script:Log, '--latency', '150'
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) -WarningAction SilentlyContinue | Out-Null

    # The exception a stopped invocation ends with (PowerShell wraps it in a MethodInvocationException).
    function Get-StopOf([scriptblock] $End) {
        try { & $End } catch { return $_.Exception.InnerException ?? $_.Exception }
        throw 'The invocation ended without an exception.'
    }

    function New-Shell([string] $Script) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$(Get-PackagedModulePath)'; $Script")
        $shell
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Progress of a pull' {
    It 'is one activity with a percentage that only grows, completed at the end' {
        $shell = New-Shell '$ProgressPreference = ''Continue''; Get-PartnerReferral -PageSize 100'
        try {
            $rows = $shell.Invoke()
            $progress = @($shell.Streams.Progress)
            $shell.Streams.Error | Should -BeNullOrEmpty
        }
        finally {
            $shell.Dispose()
        }

        $rows.Count | Should -Be 1200
        $progress.Count | Should -BeGreaterThan 1
        @($progress.ActivityId | Sort-Object -Unique).Count | Should -Be 1
        $progress | ForEach-Object { $_.Activity | Should -Not -BeNullOrEmpty; $_.PercentComplete | Should -BeIn (-1..100) }
        $progress[-1].RecordType | Should -Be 'Completed'
        $progress[0..($progress.Count - 2)].RecordType | Sort-Object -Unique | Should -Be 'Processing'
        # The total is known from the first page, so the bar shows a real percentage.
        $percents = @($progress | Where-Object RecordType -EQ 'Processing' | ForEach-Object PercentComplete)
        @($percents | Where-Object { $_ -gt 0 -and $_ -lt 100 }).Count | Should -BeGreaterThan 0
        $percents | Should -Be ($percents | Sort-Object)
    }

    It 'is not written with $ProgressPreference = ''SilentlyContinue''' {
        $shell = New-Shell '$ProgressPreference = ''SilentlyContinue''; Get-PartnerReferral -PageSize 100'
        try {
            $shell.Invoke().Count | Should -Be 1200
            $shell.Streams.Progress | Should -BeNullOrEmpty
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'Stopping a slow pull' {
    It 'after its first row ends <_> at once, and nothing more is sent' -ForEach @(
        'Get-PartnerReferral -PageSize 2'
        'Get-PartnerReferral -PageSize 2 -IncludeTotalCount | ForEach-Object { $_ }'
    ) {
        $shell = New-Shell $_
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        try {
            $invocation = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]] $null, $output)
            $wait = [System.Diagnostics.Stopwatch]::StartNew()
            while ($output.Count -eq 0 -and $wait.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 10 }
            $output.Count | Should -BeGreaterThan 0 -Because 'a row arrives within a minute'
            $stop = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $stopTook = $stop.Elapsed

            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            Get-StopOf { $shell.EndInvoke($invocation) } | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
            $stopTook.TotalSeconds | Should -BeLessThan 30
            $output.Count | Should -BeLessThan 1200
            # What was in flight is answered within a latency; after that the log must stay as it is.
            Start-Sleep -Milliseconds 600
            $sent = @(Read-RequestLog $script:Log).Count
            Start-Sleep -Seconds 1
            @(Read-RequestLog $script:Log).Count | Should -Be $sent
        }
        finally {
            $shell.Dispose()
            $output.Dispose()
        }
    }

    It 'leaves the session working' {
        $shell = New-Shell 'Get-PartnerReferral -PageSize 2'
        try {
            $invocation = $shell.BeginInvoke()
            Start-Sleep -Milliseconds 500
            $shell.Stop()
            Get-StopOf { $shell.EndInvoke($invocation) } | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
        }
        finally {
            $shell.Dispose()
        }

        @(Get-PartnerReferral -First 7).Count | Should -Be 7
    }
}
