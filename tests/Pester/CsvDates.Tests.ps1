#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Dates in CSV files across cultures (issue 21 item 3). Export-PartnerReferral writes ISO 8601 UTC, which reads back
# the same in every culture; a text date is read as PowerShell's [datetime] cast reads it (invariant culture), and one
# the current culture reads otherwise is refused naming its column, never counted wrong. -Append never mixes formats.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 400
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) | Out-Null
    $script:All = @(Get-PartnerReferral)
    $script:Expected = @($script:All | Measure-PartnerReferral -GroupBy status) | ConvertTo-Json -Compress

    # Runs the script block in a culture, as a session whose culture is that one would, and restores it.
    function script:Invoke-InCulture([string] $Culture, [scriptblock] $Script) {
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            & $Script
        }
        finally {
            [cultureinfo]::CurrentCulture = $before
        }
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Import-Csv | Measure-PartnerReferral' {
    It 'gives the figures of the referrals themselves in <_> for a file of Export-PartnerReferral' -ForEach 'en-GB', 'en-US', 'de-DE', 'invariant' {
        $csv = Join-Path $TestDrive 'iso.csv'
        Export-PartnerReferral -Path $csv -Force
        $measured = Invoke-InCulture ($_ -replace '^invariant$') { @(Import-Csv -Path $csv | Measure-PartnerReferral -GroupBy status) }
        ($measured | ConvertTo-Json -Compress) | Should -Be $script:Expected
    }

    It 'refuses, in <Reader>, the dates of a file Export-Csv wrote in <Writer>, naming the column, before measuring a row' -ForEach @(
        @{ Writer = 'invariant'; Reader = 'en-GB' }
        @{ Writer = 'invariant'; Reader = 'de-DE' }
        @{ Writer = 'en-GB'; Reader = 'en-GB' }
        @{ Writer = 'en-US'; Reader = 'en-GB' }
    ) {
        $csv = Join-Path $TestDrive 'culture.csv'
        Invoke-InCulture ($Writer -replace '^invariant$') { $script:All | Export-Csv -Path $csv }
        $script:measured = $null
        $err = { Invoke-InCulture $Reader { $script:measured = Import-Csv -Path $csv | Measure-PartnerReferral -ErrorAction SilentlyContinue } } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Input.CultureDate*'
        $err.Exception.Message | Should -Match "(CreatedDate|AcknowledgedDate|AcceptedDate|DeclinedDate|ExpiredDate|MissedDate|SkippedDate|WonDate|LostDate|ArchivedDate) '"
        $err.Exception.Message | Should -Match $Reader
        $err.ErrorDetails.RecommendedAction | Should -Match 'Export-PartnerReferral'
        $script:measured | Should -BeNullOrEmpty
    }

    It 'reads a file Export-Csv wrote in en-US in en-US, where [datetime] and the culture agree' {
        $csv = Join-Path $TestDrive 'en-us.csv'
        $measured = Invoke-InCulture 'en-US' {
            $script:All | Export-Csv -Path $csv
            @(Import-Csv -Path $csv | Measure-PartnerReferral -GroupBy status)
        }
        ($measured | ConvertTo-Json -Compress) | Should -Be $script:Expected
    }
}

Describe 'Export-PartnerReferral -Append' {
    It 'refuses a file Export-Csv wrote, naming -Append, and leaves it as it was' {
        $csv = Join-Path $TestDrive 'exported.csv'
        $script:All | Select-Object -First 5 | Export-Csv -Path $csv
        $before = Get-Content -Raw -Path $csv

        $err = { Export-PartnerReferral -Path $csv -Append -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Export.DateFormatMismatch*'
        $err.Exception.Message | Should -Match '^-Append: '
        $err.Exception.Message | Should -Match "CreatedDate '"
        Get-Content -Raw -Path $csv | Should -Be $before
    }

    It 'adds to its own file, whose every date stays ISO 8601 UTC' {
        $csv = Join-Path $TestDrive 'own.csv'
        Export-PartnerReferral -Path $csv -First 5 -Force
        Export-PartnerReferral -Path $csv -Skip 5 -First 5 -Append
        $rows = @(Import-Csv -Path $csv)
        $rows.Count | Should -Be 10
        $rows.CreatedDate | ForEach-Object { $_ | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$' }
    }
}
