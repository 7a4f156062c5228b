#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Paging as a user meets it: -First, -Skip, -PageSize, -IncludeTotalCount and Select-Object -First, each checked by the
# rows it returns and by what the emulator received (its request log). The short first page of a large pull is
# FirstPage.Tests.ps1's. Every request waits 20 ms, so pages arrive over time as they do from the service.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-paging-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 600 -ArgumentList '--request-log', $script:Log, '--latency', '20'
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) -WarningAction SilentlyContinue | Out-Null
    $script:All = @(Get-PartnerReferral)

    # The query string of each data request $Pull made (a hashtable), in the order they arrived; its output in $script:Output.
    function Get-Requests([scriptblock] $Pull) {
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
        $script:Output = @(& $Pull)
        (Read-RequestLog $script:Log).Query
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Paging' {
    It 'returns the first rows with -First and asks for no row after them' {
        $requests = @(Get-Requests { Get-PartnerReferral -First 10 -PageSize 4 })
        $script:Output.Id | Should -Be $script:All[0..9].Id
        $requests.Count | Should -Be 3
        ($requests | ForEach-Object { [int] $_.top } | Measure-Object -Sum).Sum | Should -Be 10
    }

    It 'makes -First equal to the page size one request' {
        $requests = @(Get-Requests { Get-PartnerReferral -First 25 -PageSize 25 })
        $script:Output.Id | Should -Be $script:All[0..24].Id
        $requests.Count | Should -Be 1
        $requests[0].top | Should -Be '25'
    }

    It 'starts the window on the service side with -Skip' {
        $requests = @(Get-Requests { Get-PartnerReferral -Skip 5 -First 5 })
        $script:Output.Id | Should -Be $script:All[5..9].Id
        $requests.Count | Should -Be 1
        $requests[0].skip | Should -Be '5'
        $requests[0].top | Should -Be '5'
    }

    It 'returns the rest with -Skip alone' {
        @(Get-PartnerReferral -Skip 590).Id | Should -Be $script:All[590..599].Id
    }

    It 'writes PowerShell''s total count object before the rows with -IncludeTotalCount' {
        $result = @(Get-PartnerReferral -IncludeTotalCount -Skip 2 -First 3)
        $result.Count | Should -Be 4
        $result[0].PSObject.BaseObject | Should -BeOfType [uint64]
        $result[0].PSObject.BaseObject | Should -Be 600
        $result[0].Accuracy | Should -Be 1.0
        $result[0].ToString() | Should -Be 'Total count: 600'
        $result[1..3].Id | Should -Be $script:All[2..4].Id
    }

    It 'sends -PageSize as top on every request and changes no row' {
        $requests = @(Get-Requests { Get-PartnerReferral -PageSize 50 })
        $script:Output.Id | Should -Be $script:All.Id
        $requests.Count | Should -Be 12
        $requests.top | Sort-Object -Unique | Should -Be '50'
        $requests | ForEach-Object { [int] $_.skip } | Sort-Object | Should -Be (0..11 | ForEach-Object { $_ * 50 })
    }

    It 'takes one request for a result under 1000 rows without -PageSize' {
        $requests = @(Get-Requests { Get-PartnerReferral })
        $script:Output.Count | Should -Be 600
        $requests.Count | Should -Be 1
        $requests[0].top | Should -Be '1000'
    }

    It 'stops paging once Select-Object -First downstream has enough' {
        $requests = @(Get-Requests { Get-PartnerReferral -PageSize 10 | Select-Object -First 3 })
        $script:Output.Id | Should -Be $script:All[0..2].Id
        # The engine reads ahead while the pipeline is busy, but sends nothing once it has stopped: what was in
        # flight is answered within a latency, and after that the log stays as it is.
        $requests.Count | Should -BeLessThan 60
        Start-Sleep -Milliseconds 500
        $sent = @(Read-RequestLog $script:Log).Count
        $sent | Should -BeLessThan 60
        Start-Sleep -Seconds 1
        @(Read-RequestLog $script:Log).Count | Should -Be $sent
    }

    It 'hands the first rows to the pipeline before the last page is asked for' {
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
        $script:RequestsAtFirstRow = -1
        $rows = @(Get-PartnerReferral -PageSize 20 | ForEach-Object -Begin { $seen = 0 } -Process {
                if ($seen++ -eq 0) { $script:RequestsAtFirstRow = @(Get-Content -LiteralPath $script:Log).Count }
                $_
            })
        $rows.Count | Should -Be 600
        @(Get-Content -LiteralPath $script:Log).Count | Should -Be 30
        $script:RequestsAtFirstRow | Should -BeGreaterThan 0
        $script:RequestsAtFirstRow | Should -BeLessOrEqual 15
    }
}
