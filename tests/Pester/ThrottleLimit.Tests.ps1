#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# -ThrottleLimit in real PowerShell: what the emulator saw (its request log) says how many requests overlapped.
# With --latency L no answer can start before L has passed, so a request received less than L after the one
# before it (on the emulator's monotonic clock) was sent while that one was still open: an overlap, with no timing
# measured on the client.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Latency = [timespan]::FromMilliseconds(500)
    $script:Csv = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-throttle-{0}.csv" -f [guid]::NewGuid())
    $script:Report = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-throttle-{0}.html" -f [guid]::NewGuid())
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-requests-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 1000 -ArgumentList '--latency', $script:Latency.TotalMilliseconds, '--request-log', $script:Log
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) -WarningAction SilentlyContinue | Out-Null

    # When the data requests made by $Pull arrived, in milliseconds on the emulator's monotonic clock, in order.
    function Get-ReceivedTimes([scriptblock] $Pull) {
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
        & $Pull | Out-Null
        Get-Content -LiteralPath $script:Log | ForEach-Object { [double]::Parse(($_ -split "`t")[1], [cultureinfo]::InvariantCulture) } | Sort-Object
    }

    # The gaps between requests that arrived well within the latency, i.e. while the one before was still open.
    # Half the latency, not all of it: the emulator's delay timer can fire a millisecond early (gaps of 499.4 ms were
    # seen one at a time), while overlapping requests arrive within a few milliseconds of each other.
    function Get-Overlaps($Times) {
        for ($i = 1; $i -lt $Times.Count; $i++) {
            $gap = $Times[$i] - $Times[$i - 1]
            if ($gap -lt $script:Latency.TotalMilliseconds / 2) { [math]::Round($gap, 1) }
        }
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log, $script:Csv, $script:Report -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe '-ThrottleLimit' {
    It 'sends one request at a time with -ThrottleLimit 1 (<Command>)' -ForEach @(
        @{ Command = 'Get-PartnerReferral'; Pull = { Get-PartnerReferral -PageSize 100 -ThrottleLimit 1 } }
        @{ Command = 'Export-PartnerReferral'; Pull = { Export-PartnerReferral -Path $script:Csv -PageSize 100 -ThrottleLimit 1 } }
        @{ Command = 'Measure-PartnerReferral'; Pull = { Measure-PartnerReferral -PageSize 100 -ThrottleLimit 1 } }
        @{ Command = 'Export-PartnerReferralReport'; Pull = { Export-PartnerReferralReport -Path $script:Report -PageSize 100 -ThrottleLimit 1 } }
    ) {
        $times = @(Get-ReceivedTimes $Pull)
        $times.Count | Should -Be 10
        @(Get-Overlaps $times) | Should -BeNullOrEmpty -Because ('requests arrived at (ms) {0}' -f ($times -join ', '))
    }

    It 'overlaps requests by default, so the log can tell (<Command>)' -ForEach @(
        @{ Command = 'Get-PartnerReferral'; Pull = { Get-PartnerReferral -PageSize 100 } }
        @{ Command = 'Measure-PartnerReferral'; Pull = { Measure-PartnerReferral -PageSize 100 } }
    ) {
        $times = @(Get-ReceivedTimes $Pull)
        $times.Count | Should -Be 10
        @(Get-Overlaps $times).Count | Should -BeGreaterThan 0
    }

    It 'refuses -ThrottleLimit <Value> on <Command>, naming the parameter' -ForEach @(
        @{ Command = 'Get-PartnerReferral'; Value = 0 }
        @{ Command = 'Get-PartnerReferral'; Value = 17 }
        @{ Command = 'Get-PartnerReferralSummary'; Value = 17 }
        @{ Command = 'Export-PartnerReferral'; Value = 0 }
    ) {
        $arguments = @{ ThrottleLimit = $Value }
        if ($Command -eq 'Get-PartnerReferralSummary') { $arguments.GroupBy = 'status' }
        if ($Command -eq 'Export-PartnerReferral') { $arguments.Path = 'never.csv' }
        { & $Command @arguments -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        $Error[0].Exception.Message | Should -BeLike "*'ThrottleLimit'*"
    }
}
