#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Measure-PartnerReferral and Export-PartnerReferralReport in real PowerShell: the packaged module against the
# emulator, and every figure recomputed here with Group-Object, Where-Object and Measure-Object from the rows.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 600
    $null = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid().ToString())
    $script:All = @(Get-PartnerReferral)

    # The documented rules, written here from the help: a stage counts when its date is set or the status names it.
    function script:Test-Stage($Row, [string] $Stage) {
        $null -ne $Row."${Stage}Date" -or $Row.Status -eq $Stage
    }

    # PERCENTILE.INC over sorted values: rank p(n-1), interpolated.
    function script:Get-Quantile([double[]] $Sorted, [double] $P) {
        if ($Sorted.Count -eq 0) { return $null }
        $rank = $P * ($Sorted.Count - 1)
        $low = [math]::Floor($rank)
        $high = [math]::Min($Sorted.Count - 1, $low + 1)
        $Sorted[$low] + ($rank - $low) * ($Sorted[$high] - $Sorted[$low])
    }

    function script:Get-ExpectedFigures($Rows) {
        $Rows = @($Rows)
        $created = $Rows.Count
        $count = @{}
        foreach ($stage in 'Acknowledged', 'Accepted', 'Won', 'Declined', 'Expired', 'Missed', 'Skipped', 'Lost', 'Archived') {
            $count[$stage] = @($Rows | Where-Object { Test-Stage $_ $stage }).Count
        }
        $ackHours = @($Rows | Where-Object { (Test-Stage $_ 'Acknowledged') -and $_.CreatedDate -and $_.AcknowledgedDate -and $_.AcknowledgedDate -ge $_.CreatedDate } |
            ForEach-Object { ($_.AcknowledgedDate - $_.CreatedDate).TotalHours } | Sort-Object)
        $closeHours = @($Rows | Where-Object { ((Test-Stage $_ 'Won') -or (Test-Stage $_ 'Lost')) } | ForEach-Object {
                $end = if ($_.WonDate) { $_.WonDate } else { $_.LostDate }
                if ($_.AcceptedDate -and $end -and $end -ge $_.AcceptedDate) { ($end - $_.AcceptedDate).TotalHours } } | Sort-Object)
        [pscustomobject] @{
            Created                = $created
            Acknowledged           = $count.Acknowledged
            Accepted               = $count.Accepted
            Won                    = $count.Won
            Declined               = $count.Declined
            Expired                = $count.Expired
            Missed                 = $count.Missed
            Skipped                = $count.Skipped
            Lost                   = $count.Lost
            Archived               = $count.Archived
            AcceptRate             = if ($count.Acknowledged) { $count.Accepted / $count.Acknowledged } else { $null }
            WinRate                = if ($created) { $count.Won / $created } else { $null }
            AcknowledgeMeasured    = $ackHours.Count
            AcknowledgeMeanHours   = if ($ackHours.Count) { ($ackHours | Measure-Object -Average).Average } else { $null }
            AcknowledgeMedianHours = Get-Quantile $ackHours 0.5
            CloseMeasured          = $closeHours.Count
            CloseP90Hours          = Get-Quantile $closeHours 0.9
        }
    }

    # One chart of a written report, read as XML (inline SVG is well-formed): each mark's data-key, value and hover title.
    function script:Get-ReportMarks([string] $Path, [string] $Chart) {
        $html = Get-Content -Raw -Path $Path
        $svg = [regex]::Match($html, "(?s)<svg class=""chart"" data-chart=""$Chart"".*?</svg>").Value
        $svg | Should -Not -BeNullOrEmpty -Because "the report has a '$Chart' chart"
        foreach ($rect in ([xml] $svg).SelectNodes('//*[local-name()="rect" and @class="mark"]')) {
            [pscustomobject] @{ Key = $rect.GetAttribute('data-key'); Value = [long] $rect.GetAttribute('data-value'); Title = $rect.title }
        }
    }

    # The header's query as the page shows it.
    function script:Get-ReportQuery([string] $Path) {
        $match = [regex]::Match((Get-Content -Raw -Path $Path), '(?s)data-figure="Query">(.*?)</dd>')
        $match.Success | Should -BeTrue -Because 'the header shows the query'
        [System.Net.WebUtility]::HtmlDecode($match.Groups[1].Value)
    }

    function script:Assert-Figures($Expected, $Actual, [string] $Because) {
        foreach ($property in $Expected.PSObject.Properties) {
            $value = $Actual.($property.Name)
            if ($null -eq $property.Value) {
                $value | Should -BeNullOrEmpty -Because "$Because $($property.Name)"
            } elseif ($property.Value -is [double]) {
                [math]::Abs([double] $value - $property.Value) | Should -BeLessOrEqual 1e-9 -Because "$Because $($property.Name) is $value, expected $($property.Value)"
            } else {
                $value | Should -Be $property.Value -Because "$Because $($property.Name)"
            }
        }
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Measure-PartnerReferral' {
    It 'measures a query by filter, with figures equal to a Group-Object and Measure-Object computation' {
        $measure = Measure-PartnerReferral -CustomerMarket US
        $measure | Should -HaveCount 1
        $measure | Should -BeOfType ([PartnerReferrals.Models.ReferralMeasure])
        $rows = $script:All | Where-Object CustomerMarket -eq 'US'
        $rows.Count | Should -BeGreaterThan 50
        Assert-Figures (Get-ExpectedFigures $rows) $measure 'US query:'
    }

    It 'measures referrals from the pipeline exactly as the same query' {
        $piped = $script:All | Measure-PartnerReferral
        $queried = Measure-PartnerReferral
        Assert-Figures (Get-ExpectedFigures $script:All) $piped 'piped:'
        foreach ($property in $queried.PSObject.Properties) {
            $piped.($property.Name) | Should -Be $property.Value -Because $property.Name
        }
    }

    It 'measures rows of Import-Csv, whose dates are text, as the referrals they were saved from' {
        $csv = Join-Path $TestDrive 'saved.csv'
        $script:All | Export-Csv -Path $csv
        $rows = Import-Csv -Path $csv
        $rows[0].CreatedDate | Should -BeOfType ([string])
        $fromCsv = $rows | Measure-PartnerReferral -GroupBy status
        $fromObjects = $script:All | Measure-PartnerReferral -GroupBy status
        $fromCsv.Count | Should -Be $fromObjects.Count
        for ($i = 0; $i -lt $fromObjects.Count; $i++) {
            foreach ($property in $fromObjects[$i].PSObject.Properties) {
                $fromCsv[$i].($property.Name) | Should -Be $property.Value -Because "$($fromObjects[$i].Status) $($property.Name)"
            }
        }
    }

    It 'groups by customer market and created month like Group-Object does' {
        $measures = Measure-PartnerReferral -GroupBy customerMarket, createdMonth
        $groups = $script:All | Group-Object CustomerMarket, { $_.CreatedDate.ToString('yyyy-MM', [cultureinfo]::InvariantCulture) }
        $measures.Count | Should -Be $groups.Count
        $byKey = @{}
        foreach ($group in $groups) { $byKey["$($group.Values[0])|$($group.Values[1])"] = $group.Group }
        foreach ($measure in $measures) {
            $measure.GroupBy | Should -Be 'customerMarket,createdMonth'
            $measure.Interval | Should -Be 'Month'
            $measure.CreatedPeriod.Day | Should -Be 1
            $key = "$($measure.CustomerMarket)|$($measure.CreatedPeriod.ToString('yyyy-MM', [cultureinfo]::InvariantCulture))"
            $byKey.ContainsKey($key) | Should -BeTrue -Because "group $key"
            Assert-Figures (Get-ExpectedFigures $byKey[$key]) $measure "group ${key}:"
        }
    }

    It 'starts weeks on Monday' {
        $weeks = Measure-PartnerReferral -GroupBy createdWeek
        $weeks | ForEach-Object { $_.CreatedPeriod.DayOfWeek } | Sort-Object -Unique | Should -Be 'Monday'
        ($weeks | Measure-Object Created -Sum).Sum | Should -Be $script:All.Count
    }

    It 'writes objects that Export-Csv turns into values only, no type names' {
        $file = Join-Path $TestDrive 'measures.csv'
        Measure-PartnerReferral -GroupBy status | Export-Csv -Path $file
        $text = Get-Content -Raw -Path $file
        $text | Should -Not -Match 'PartnerReferrals\.|System\.|#TYPE'
        $header = (Get-Content -Path $file -TotalCount 1) -split ',' | ForEach-Object { $_.Trim('"') }
        $header | Should -Contain 'AcceptMedianHours'
        $header | Should -Contain 'CloseOutOfOrder'
        (Import-Csv -Path $file).Count | Should -Be @($script:All | Group-Object Status).Count
    }

    It 'shows a default table that fits 80 columns, one row per group' {
        $measures = Measure-PartnerReferral -GroupBy customerOrgSize, status
        $lines = ($measures | Out-String -Width 250) -split "`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Group\s+Created\s+AcceptRate\s+WinRate\s+AcceptMedianHours\s+DateProblems$'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $lines.Count | Should -Be ($measures.Count + 2)
        $measures[0].Group | Should -Be ('{0} {1}' -f $measures[0].CustomerOrgSize, $measures[0].Status)
    }

    It 'rejects an unknown -GroupBy field with an error naming it' {
        $err = { Measure-PartnerReferral -GroupBy colour } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.UnknownGroupBy*'
        $err.TargetObject | Should -Be 'colour'
        $err.Exception.Message | Should -Match 'GroupBy.*createdMonth'
    }

    It 'refuses filter parameters together with pipeline input' {
        $err = { $script:All | Measure-PartnerReferral -Status Won } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.FilterWithPipelineInput*'
    }

    It 'reports a CSV date that is not a date as a non-terminating error and measures the other rows' {
        $rows = @([pscustomobject] @{ Status = 'Won'; CreatedDate = 'soon' }, [pscustomobject] @{ Status = 'Won'; CreatedDate = '2024-05-01T10:00:00' })
        $measure = $rows | Measure-PartnerReferral -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad | Should -HaveCount 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.InvalidDate*'
        $measure.Created | Should -Be 1
        $measure.FirstCreated | Should -Be ([datetime]::new(2024, 5, 1, 10, 0, 0, [DateTimeKind]::Utc))
    }
}

Describe 'Input that is not referrals' {
    It '<Command> ends with NotAReferral for <Case>, writing nothing' -ForEach @(
        @{ Command = 'Measure-PartnerReferral'; Case = 'objects with none of the referral properties'; Rows = { [pscustomobject] @{ Name = 'a' }, [pscustomobject] @{ Name = 'b' } }; Says = 'none of the referral properties' }
        @{ Command = 'Measure-PartnerReferral'; Case = 'co-sell referrals'; Rows = { Get-PartnerCoSellReferral -First 3 }; Says = 'co-sell referral' }
        @{ Command = 'Measure-PartnerReferral'; Case = 'CSV rows of co-sell referrals'; Rows = { Get-PartnerCoSellReferral -First 3 | ConvertTo-Csv | ConvertFrom-Csv }; Says = 'co-sell referral' }
        @{ Command = 'Export-PartnerReferralReport'; Case = 'co-sell referrals'; Rows = { Get-PartnerCoSellReferral -First 3 }; Says = 'co-sell referral' }
    ) {
        $report = Join-Path $TestDrive 'not-referrals.html'
        $rows = @(& $Rows)
        $parameters = if ($Command -eq 'Export-PartnerReferralReport') { @{ Path = $report } } else { @{} }
        $output = [System.Collections.Generic.List[object]]::new()
        $err = $null
        try { $rows | & $Command @parameters -ErrorAction Stop | ForEach-Object { $output.Add($_) } } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.NotAReferral,*'
        $err.Exception.Message | Should -Match $Says
        $err.ErrorDetails.RecommendedAction | Should -Match 'Get-PartnerReferral'
        $output.Count | Should -Be 0
        Test-Path -LiteralPath $report | Should -BeFalse
    }

    It 'still measures rows that carry only some referral properties' {
        $measure = @([pscustomobject] @{ Status = 'Won' }, [pscustomobject] @{ Status = 'Lost' }) | Measure-PartnerReferral
        $measure.Created | Should -Be 2
    }
}

Describe 'Export-PartnerReferralReport' {
    It 'writes one self-contained HTML file for a query' {
        $path = Join-Path $TestDrive 'report.html'
        $file = Export-PartnerReferralReport -Path $path -CustomerMarket US, DE -PassThru
        $file | Should -BeOfType ([PartnerReferrals.Models.ReferralReportFile])
        $file.Path | Should -Be $path
        $file.Length | Should -Be (Get-Item $path).Length
        $file.Referrals | Should -Be @($script:All | Where-Object CustomerMarket -in 'US', 'DE').Count
        $html = Get-Content -Raw -Path $path
        $html | Should -Match '<meta http-equiv="Content-Security-Policy" content="default-src ''none'';'
        # No address at all: nothing to fetch, from a CDN or anywhere else.
        $html | Should -Not -Match 'https?://'
        $html | Should -Not -Match '<script|<link|<iframe|\ssrc='
        Get-ReportQuery $path | Should -Be 'Customer market US or DE'
        $us = Measure-PartnerReferral -CustomerMarket US, DE
        $html | Should -Match ('data-figure="Created" data-value="{0}"' -f $us.Created)
    }

    It 'splits referrals by final status exactly as Get-PartnerReferralSummary -GroupBy status counts them' {
        # The demo's flow: the status summary, then the report of the same referrals.
        $summary = @(Get-PartnerReferralSummary -GroupBy status)
        $path = Join-Path $TestDrive 'demo-like.html'
        $file = Export-PartnerReferralReport -Path $path -PassThru
        $final = @(Get-ReportMarks $path 'final-status')

        ($final | Measure-Object Value -Sum).Sum | Should -Be $file.Referrals -Because 'each referral is counted once'
        $final.Count | Should -Be $summary.Count
        foreach ($group in $summary) {
            $mark = @($final | Where-Object Key -eq $group.Status)
            $mark.Count | Should -Be 1 -Because "one bar for $($group.Status)"
            $mark[0].Value | Should -Be $group.ReferralCount -Because "$($group.Status) in the report and in the summary"
        }

        $won = ($summary | Where-Object Status -eq 'Won').ReferralCount
        ($final | Where-Object Key -eq 'Won').Title | Should -BeLike "Won: $($won.ToString('N0', [cultureinfo]::InvariantCulture)) (*"
        # Archived wins have reached Won without being Won now: the funnel counts them, and its label says "reached".
        $archivedWins = @($script:All | Where-Object { $_.Status -eq 'Archived' -and $_.WonDate }).Count
        $archivedWins | Should -BeGreaterThan 0 -Because 'the data has the case that made the figures disagree'
        $funnel = @(Get-ReportMarks $path 'funnel')
        ($funnel | Where-Object Key -eq 'Reached Won').Value | Should -Be ($won + $archivedWins)
        $funnel.Key | Where-Object { $_ -ne 'Created' } | Should -Match '^Reached '
    }

    It 'shows the query in words in the header, never the filter grammar sent to the API' {
        $path = Join-Path $TestDrive 'words.html'
        Export-PartnerReferralReport -Path $path -After '2025-01-01' -Status Won, Lost -CustomerMarket US, CA
        Get-ReportQuery $path | Should -Be 'Created on or after 1 Jan 2025; status Won or Lost; customer market US or CA'
        Get-Content -Raw -Path $path | Should -Not -Match 'cast\(|Edm\.|\beq\b|\bge\b'

        Export-PartnerReferralReport -Path $path -CustomerMarket US -Filter "customerOrgSize ne '1to9employees'"
        Get-ReportQuery $path | Should -Be "Customer market US; -Filter as given: customerOrgSize ne '1to9employees'"
    }

    It 'writes the report of Import-Csv rows relative to the current location' {
        $csv = Join-Path $TestDrive 'all.csv'
        $script:All | Export-Csv -Path $csv
        Push-Location $TestDrive
        try {
            Import-Csv -Path $csv | Export-PartnerReferralReport -Path 'piped.html'
        } finally {
            Pop-Location
        }
        $html = Get-Content -Raw -Path (Join-Path $TestDrive 'piped.html')
        $html | Should -Match 'referrals from the pipeline'
        $html | Should -Match ('data-figure="Created" data-value="{0}"' -f $script:All.Count)
    }

    It 'refuses a folder that does not exist before querying' {
        $err = { Export-PartnerReferralReport -Path (Join-Path $TestDrive 'missing/report.html') } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.InvalidPath*'
    }

    It 'has help with examples for <_>' -ForEach @('Measure-PartnerReferral', 'Export-PartnerReferralReport') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 2
        (Get-Command $_).OutputType.Type | Should -Not -BeNullOrEmpty
    }
}
