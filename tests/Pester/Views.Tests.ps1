#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# What a console shows (issue 21 item 10), read from the rendered text: at 80 columns, the width of a small terminal
# and of redirected output (a runbook's), every view keeps its headers on one line and its counts; at 200, values show
# whole. The emulator serves a small file of referrals whose customer names run from 7 to 55 characters.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force

    $names = 'Best Customer Ever Manufacturing Incorporated Worldwide', 'Contoso', 'Fabrikam Consolidated Holdings and Logistics Limited',
        'Litware Software Consulting', 'Adventure Works Energy Corporation', 'Tailspin Toys'
    $statuses = 'Created', 'Acknowledged', 'Accepted', 'Won', 'Lost', 'Declined', 'Archived'
    $markets = 'US', 'DE', 'GB', 'FR'
    $sizes = '1to9employees', 'Morethan20000employees', '10001to20000employees', '51to250employees'
    $start = [datetime]::new(2024, 1, 3, 9, 30, 0, [DateTimeKind]::Utc)
    $rows = foreach ($i in 0..59) {
        $created = $start.AddDays($i * 7).AddHours($i)
        [ordered] @{
            id               = [string] (200001 + $i)
            status           = $statuses[$i % $statuses.Count]
            customerMarket   = $markets[$i % $markets.Count]
            partnerMarket    = $markets[($i + 1) % $markets.Count]
            customerName     = $names[$i % $names.Count]
            customerOrgSize  = $sizes[$i % $sizes.Count]
            createdDate      = $created.ToString('s')
            acknowledgedDate = $created.AddHours(5).ToString('s')
            acceptedDate     = if ($i % 3) { $created.AddDays(2).ToString('s') } else { $null }
            wonDate          = if ($i % 7 -eq 3) { $created.AddDays(20).ToString('s') } else { $null }
        }
    }
    $script:DataFile = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-views-{0}.json" -f [guid]::NewGuid())
    ConvertTo-Json -InputObject @($rows) | Set-Content -Path $script:DataFile
    $script:Emulator = Start-TestEmulator -ArgumentList '--data', $script:DataFile
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) | Out-Null
    $script:All = @(Get-PartnerReferral)
    $script:LongNames = @($names | Where-Object Length -GT 40)

    # The lines a view rendered, without trailing blanks and empty lines.
    function script:Get-Lines([string] $Text) {
        @($Text -split "`r?`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ })
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -Path $script:DataFile -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'The referral table' {
    It 'fits 80 columns with the id, status, created day, market and name, each header on one line' {
        $rows = @($script:All | Select-Object -First 12)
        $lines = Get-Lines ($rows | Out-String -Width 80)

        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match '^Id\s+Status\s+CreatedDate\s+CustomerMarket\s+CustomerName$'
        $lines[1] | Should -Match '^-+\s+-+\s+-+\s+-+\s+-+$'
        $lines.Count | Should -Be ($rows.Count + 2)
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $r = $rows[$i]
            $lines[$i + 2] | Should -Match ('^{0}\s+{1}\s+{2}\s+{3}\s+' -f $r.Id, $r.Status, $r.CreatedDate.ToString('yyyy-MM-dd'), $r.CustomerMarket)
            # The name is whole, or cut with an ellipsis where 80 columns end.
            $shown = $lines[$i + 2].Substring($lines[0].IndexOf('CustomerName'))
            $r.CustomerName.StartsWith($shown.TrimEnd([char] 0x2026)) | Should -BeTrue -Because "'$shown' begins '$($r.CustomerName)'"
        }
    }

    It 'shows long customer names whole at 200 columns' {
        $text = $script:All | Where-Object CustomerName -In $script:LongNames | Select-Object -First 4 | Out-String -Width 200
        foreach ($name in $script:LongNames) {
            $text | Should -Match ([regex]::Escape($name))
        }
        $text | Should -Not -Match ([char] 0x2026)
    }
}

Describe 'The summary table' {
    It 'fits 80 columns with <Count> grouped fields, every header on one line and every count shown' -ForEach @(
        @{ Count = 1; GroupBy = @('status'); Headers = 'ReferralCount', 'Status' }
        @{ Count = 3; GroupBy = @('status', 'customerMarket', 'customerOrgSize'); Headers = 'ReferralCount', 'Status', 'CustomerMarket', 'CustomerOrgSize' }
        @{ Count = 4; GroupBy = @('status', 'customerMarket', 'customerOrgSize', 'createdMonth'); Headers = 'ReferralCount', 'Status', 'CustomerMarket', 'CustomerOrgSize', 'CreatedMonth' }
    ) {
        $groups = @(Get-PartnerReferralSummary -GroupBy $GroupBy)
        $lines = Get-Lines ($groups | Out-String -Width 80)

        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        @(-split $lines[0]) | Should -Be $Headers
        $lines.Count | Should -Be ($groups.Count + 2)
        for ($i = 0; $i -lt $groups.Count; $i++) {
            $cells = @(-split $lines[$i + 2])
            [long] $cells[0] | Should -Be $groups[$i].ReferralCount
            $cells[1] | Should -Be $groups[$i].Status
            $cells | Should -Not -Contain ([string] [char] 0x2026)
        }
    }

    It 'shows long customer names whole at 200 columns, and the counts of every row at 80' {
        $groups = @(Get-PartnerReferralSummary -GroupBy customerName, status)
        $wide = Get-PartnerReferralSummary -GroupBy customerName, status | Out-String -Width 200
        foreach ($name in $script:LongNames) {
            $wide | Should -Match ([regex]::Escape($name))
        }
        $narrow = Get-Lines ($groups | Out-String -Width 80)
        ($narrow | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $narrow[0] | Should -Match '^ReferralCount\s+Status\s+CustomerName$'
        @($narrow | Select-Object -Skip 2 | ForEach-Object { [long] (-split $_)[0] }) | Should -Be @($groups.ReferralCount)
    }

    It 'names a grouped date by its bucket and shows the bucket, never a midnight timestamp' {
        $months = @(Get-PartnerReferralSummary -GroupBy customerMarket, wonDate -AggregationLevel Month)
        $text = $months | Out-String -Width 80
        (Get-Lines $text)[0] | Should -Match '^ReferralCount\s+CustomerMarket\s+WonMonth$'
        $text | Should -Not -Match '00:00:00'
        $dated = $months | Where-Object WonDate | Select-Object -First 1
        $text | Should -Match ('(?m)^\s*{0}\s+{1}\s+{2}$' -f $dated.ReferralCount, $dated.CustomerMarket, $dated.WonDate.ToString('yyyy-MM'))

        $week = Get-PartnerReferralSummary -GroupBy createdDate -AggregationLevel Week | Select-Object -First 1
        $week.CreatedDate.DayOfWeek | Should -Be 'Monday'
        ($week | Out-String) | Should -Match ('CreatedWeek[\s\S]*{0}' -f $week.CreatedDate.ToString('yyyy-MM-dd'))
        $day = Get-PartnerReferralSummary -GroupBy status, acceptedDay | Where-Object AcceptedDate | Select-Object -First 1
        ($day | Out-String) | Should -Match ('ReferralCount\s+Status\s+AcceptedDay[\s\S]*{0}\s+{1}\s+{2}' -f $day.ReferralCount, $day.Status, $day.AcceptedDate.ToString('yyyy-MM-dd'))
    }
}

Describe 'The other tables' {
    It 'show the report file''s path at 80 columns' {
        $report = Join-Path $TestDrive 'report.html'
        $lines = Get-Lines (Export-PartnerReferralReport -Path $report -PassThru | Out-String -Width 80)
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $lines[0] | Should -Match 'Referrals\s+FirstCreated\s+LastCreated\s+Generated\s+Path'
        $lines[2] | Should -Match ([regex]::Escape((Get-Item $report).FullName.Substring(0, 20)))
    }

    It 'show a measure''s group, volume, rates and times at 80 columns' {
        $lines = Get-Lines (Measure-PartnerReferral -GroupBy customerOrgSize, createdMonth | Select-Object -First 5 | Out-String -Width 80)
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        @(-split $lines[0]) | Should -Be 'Group', 'Created', 'AcceptRate', 'WinRate', 'AcceptMedianHours', 'DateProblems'
    }
}

Describe 'The lists' {
    It 'show every property of a referral with Format-List' {
        $text = Get-PartnerReferral -First 1 | Format-List | Out-String -Width 200
        foreach ($name in [PartnerReferrals.Models.Referral].GetProperties().Name) {
            $text | Should -Match "(?m)^$name +:" -Because "Format-List shows $name"
        }
    }

    It 'show the context as every property in declaration order: who is signed in, where and until when' {
        $entries = @(Get-Lines (Get-PartnerReferralsContext | Out-String -Width 250) | ForEach-Object { , @($_ -split ' :', 2) })
        $entries | ForEach-Object { $_.Count | Should -Be 2 -Because "'$($_ -join ' :')' is one property and its value" }
        $entries | ForEach-Object { $_[0].TrimEnd() } | Should -Be ([PartnerReferrals.Models.PartnerReferralsContext].GetProperties().Name)
        $values = @{}
        $entries | ForEach-Object { $values[$_[0].TrimEnd()] = $_[1].Trim() }
        $values.TenantId | Should -Not -BeNullOrEmpty
        $values.Environment | Should -Be 'Emulator'
        $values.SignInMethod | Should -Be 'DeviceCode'
        $values.TokenExpired | Should -Be 'False'
        $values.TokenExpiresOn | Should -Not -BeNullOrEmpty
    }
}
