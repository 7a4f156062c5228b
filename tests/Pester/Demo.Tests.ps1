#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The main job, as a user runs it: `build.ps1 -Task Demo` in a fresh PowerShell, then what it left in artifacts/demo.
# The emulator's own start line says how many referrals it served; everything the demo wrote must account for them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:Demo = Join-Path $root 'artifacts/demo'

    $pwsh = Get-PowerShellCommand
    $info = [System.Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
    foreach ($argument in @($pwsh.ArgumentList) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build.ps1'),
            '-Task', 'Demo', '-Configuration', (Get-TestConfiguration))) {
        $info.ArgumentList.Add([string] $argument)
    }
    # Nothing from this test run: a user's shell has none of these.
    foreach ($name in @($info.Environment.Keys | Where-Object { $_ -like 'PARTNERREFERRALS_*' })) {
        $info.Environment.Remove($name) | Out-Null
    }
    $info.WorkingDirectory = $root
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit([timespan]::FromMinutes(10))) {
            $process.Kill($true)
            throw 'build.ps1 -Task Demo did not finish within ten minutes.'
        }
        $process.WaitForExit()
        $script:ExitCode = $process.ExitCode
        $script:Output = $stdout.GetAwaiter().GetResult() + $stderr.GetAwaiter().GetResult()
    }
    finally {
        $process.Dispose()
    }

    $served = [regex]::Match($script:Output, 'PartnerReferrals emulator: (\d+) referrals')
    $script:Served = if ($served.Success) { [int] $served.Groups[1].Value } else { $null }
}

Describe 'build.ps1 -Task Demo' {
    It 'exits with 0' {
        $script:ExitCode | Should -Be 0 -Because $script:Output
    }

    It 'starts an emulator that serves referrals' {
        $script:Served | Should -BeGreaterThan 0 -Because $script:Output
    }

    It 'exports every referral the emulator served to referrals.csv, each once' {
        $rows = @(Import-Csv -Path (Join-Path $script:Demo 'referrals.csv'))
        $rows.Count | Should -Be $script:Served
        @($rows.Id | Sort-Object -Unique).Count | Should -Be $script:Served
        $script:Output | Should -Match "Exported $($script:Served) referrals to "
    }

    It 'writes referrals.csv with ISO 8601 UTC dates, so Import-Csv | Measure-PartnerReferral gives the same figures in en-GB, en-US and de-DE' {
        # Issue 21 item 3: the README's offline example, run on the demo's file in other cultures.
        $csv = Join-Path $script:Demo 'referrals.csv'
        (Import-Csv -Path $csv | Select-Object -First 1).CreatedDate | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        Import-Module (Get-PackagedModulePath) -Force
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = [cultureinfo]::InvariantCulture
            $invariant = Import-Csv -Path $csv | Measure-PartnerReferral -GroupBy status | ConvertTo-Json -Compress
            foreach ($culture in 'en-GB', 'en-US', 'de-DE') {
                [cultureinfo]::CurrentCulture = $culture
                Import-Csv -Path $csv | Measure-PartnerReferral -GroupBy status | ConvertTo-Json -Compress | Should -Be $invariant -Because "read in $culture"
            }
        }
        finally {
            [cultureinfo]::CurrentCulture = $before
            Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
        }
        ($invariant | ConvertFrom-Json).DateProblems | ForEach-Object { $_ | Should -Be 0 }
    }

    It 'writes a summary by status that adds up to the total and matches the exported rows' {
        $summary = @(Import-Csv -Path (Join-Path $script:Demo 'by-status.csv'))
        ($summary | Measure-Object ReferralCount -Sum).Sum | Should -Be $script:Served
        $fromRows = @{}
        Import-Csv -Path (Join-Path $script:Demo 'referrals.csv') | Group-Object Status | ForEach-Object { $fromRows[$_.Name] = $_.Count }
        $summary | ForEach-Object { [int] $_.ReferralCount | Should -Be $fromRows[$_.Status] -Because "status $($_.Status)" }
        @($summary.Status | Sort-Object) | Should -Be @($fromRows.Keys | Sort-Object)
        $script:Output | Should -Match "Total: $($script:Served) referrals\."
    }

    It 'writes a summary by status and month that adds up to the total' {
        $summary = @(Import-Csv -Path (Join-Path $script:Demo 'by-status-and-month.csv'))
        ($summary | Measure-Object ReferralCount -Sum).Sum | Should -Be $script:Served
    }

    It 'prints the monthly table with a column for every status of its months and a count in every cell' {
        $lines = @($script:Output -split '\r?\n')
        $title = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -like 'Referrals created per month and status*' })
        $title | Should -BeGreaterThan -1 -Because $script:Output
        $header = [array]::FindIndex($lines, $title, [Predicate[string]] { param($line) $line -match '^\s*Month\s' })
        $header | Should -BeGreaterThan $title
        $columns = @(-split $lines[$header])
        $months = @($lines[($header + 2)..($lines.Count - 1)] | Where-Object { $_ -match '^\d{4}-\d{2}\s' })
        $months.Count | Should -BeGreaterThan 0
        $months.Count | Should -BeLessOrEqual 12

        # Every status that has referrals in the months shown, from the demo's own file.
        $shownMonths = $months | ForEach-Object { ($_ -split '\s+')[0] }
        $expected = Import-Csv -Path (Join-Path $script:Demo 'by-status-and-month.csv') |
            Where-Object { $_.Month -in $shownMonths } |
            Select-Object -ExpandProperty Status -Unique
        @($columns | Select-Object -Skip 1 | Sort-Object) | Should -Be @($expected | Sort-Object)
        foreach ($month in $months) {
            $cells = @(-split $month)
            $cells.Count | Should -Be $columns.Count -Because "every status has a cell in '$month'"
            $cells | Select-Object -Skip 1 | ForEach-Object { $_ | Should -Match '^\d+$' }
        }
    }

    It 'writes a self-contained HTML report of every referral' {
        $report = Join-Path $script:Demo 'report.html'
        $report | Should -Exist
        $html = Get-Content -Raw -Path $report
        $html | Should -Match "Content-Security-Policy"
        $html | Should -Not -Match '<script|\bsrc\s*='
        $script:Output | Should -Match "Wrote the report of $($script:Served) referrals to "
    }

    It 'exports the co-sell referrals to cosell-referrals.csv with readable cells, and shows the incoming ones waiting' {
        $rows = @(Import-Csv -Path (Join-Path $script:Demo 'cosell-referrals.csv'))
        $rows.Count | Should -BeGreaterThan 0
        @($rows.Id | Sort-Object -Unique).Count | Should -Be $rows.Count
        $script:Output | Should -Match "Exported $($rows.Count) co-sell referrals to "
        Get-Content -Raw -Path (Join-Path $script:Demo 'cosell-referrals.csv') | Should -Not -Match 'System\.|PartnerReferrals\.Models'
        $waiting = @($rows | Where-Object { $_.Direction -eq 'Incoming' -and $_.Status -eq 'New' })
        $script:Output | Should -Match "waiting for an answer: $($waiting.Count);"
        $script:Output | Should -Match '(?m)^Id\s+Status\s+Substatus\s+Direction'
    }
}
