#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# A summary row as a script meets it (issue 21 item 11): a ReferralGroup whose grouped fields are its properties, that
# Export-Csv writes as those fields, the bucket, GroupBy and the count (no column for a field it is not grouped by),
# and that drills down to its referrals, piped as it is or read back with Import-Csv.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 300
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) | Out-Null
    $script:Total = @(Get-PartnerReferral).Count
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'A summary row' {
    It 'exports as its grouped fields, the bucket, GroupBy and the count, grouped by <GroupBy>' -ForEach @(
        @{ GroupBy = @('status'); Level = $null; Columns = 'Status', 'GroupBy', 'ReferralCount' }
        @{ GroupBy = @('status', 'createdDate'); Level = 'Month'; Columns = 'Status', 'CreatedDate', 'AggregationLevel', 'GroupBy', 'ReferralCount' }
        @{ GroupBy = @('customerMarket', 'wonWeek'); Level = $null; Columns = 'CustomerMarket', 'WonDate', 'AggregationLevel', 'GroupBy', 'ReferralCount' }
    ) {
        $parameters = @{ GroupBy = $GroupBy }
        if ($Level) { $parameters.AggregationLevel = $Level }
        $csv = Join-Path $TestDrive 'summary.csv'
        Get-PartnerReferralSummary @parameters | Export-Csv -Path $csv

        $header = (Get-Content -Path $csv -TotalCount 1) -split ',' | ForEach-Object { $_.Trim('"') }
        $header | Should -Be $Columns
        $rows = @(Import-Csv -Path $csv)
        ($rows | Measure-Object ReferralCount -Sum).Sum | Should -Be $script:Total
        foreach ($column in $Columns) {
            @($rows | Where-Object $column).Count | Should -BeGreaterThan 0 -Because "the column $column holds values"
        }
    }

    It 'stays a ReferralGroup whose grouped fields, and bucket, are its properties' {
        $row = Get-PartnerReferralSummary -GroupBy status, createdMonth | Select-Object -First 1

        $row | Should -BeOfType 'PartnerReferrals.Models.ReferralGroup'
        $row.Status | Should -BeOfType [string]
        $row.CreatedDate | Should -BeOfType [datetime]
        $row.CreatedDate.Day | Should -Be 1
        $row.AggregationLevel | Should -Be 'Month'
        $row.GroupBy | Should -Be 'status,createdDate'
        $row.ReferralCount | Should -BeGreaterThan 0
        @($row.PSObject.Properties.Name) | Should -Be 'Status', 'CreatedDate', 'AggregationLevel', 'GroupBy', 'ReferralCount'
        # The type itself is flat: what it holds beyond the count and grouping shows only through the row's properties.
        @([PartnerReferrals.Models.ReferralGroup].GetProperties().Name) | Should -Be 'GroupBy', 'ReferralCount'
    }

    It 'read back with Import-Csv, says what it counted and drills down to exactly those referrals' -ForEach @(
        @{ GroupBy = @('status') }
        @{ GroupBy = @('customerOrgSize', 'createdMonth') }
    ) {
        $groups = @(Get-PartnerReferralSummary -GroupBy $GroupBy)
        $csv = Join-Path $TestDrive 'roundtrip.csv'
        $groups | Export-Csv -Path $csv
        $rows = @(Import-Csv -Path $csv)

        $rows.Count | Should -Be $groups.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            foreach ($property in $groups[$i].PSObject.Properties) {
                $read = $rows[$i].($property.Name)
                if ($property.Value -is [datetime]) { $read = [datetime] $read }
                "$read" | Should -Be "$($property.Value)" -Because "row $i $($property.Name)"
            }
        }
        $drilled = @($rows | Get-PartnerReferral)
        $drilled.Count | Should -Be $script:Total
        @($drilled.Id | Sort-Object -Unique).Count | Should -Be $script:Total
        @($rows[0] | Get-PartnerReferral).Count | Should -Be $groups[0].ReferralCount
    }
}
