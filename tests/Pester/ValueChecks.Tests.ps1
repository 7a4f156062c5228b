#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Issue 21 item 4, in real PowerShell against the packaged module and the emulator: a typed -Status or
# -CustomerOrgSize the module does not know gets a warning naming the known values (and the one it is probably a typo
# of), and is still sent; a market that is no two-letter code is refused before any request. All five query cmdlets
# share the check, so each case runs on each of them.

BeforeDiscovery {
    $script:Commands = @(
        @{ Command = 'Get-PartnerReferral'; File = $null }
        @{ Command = 'Export-PartnerReferral'; File = 'referrals.csv' }
        @{ Command = 'Get-PartnerReferralSummary'; File = $null }
        @{ Command = 'Measure-PartnerReferral'; File = $null }
        @{ Command = 'Export-PartnerReferralReport'; File = 'report.html' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-valuechecks-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 200 -ArgumentList '--request-log', $script:Log
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) -WarningAction SilentlyContinue | Out-Null
    $script:Statuses = 'Created', 'Acknowledged', 'Accepted', 'Declined', 'Expired', 'Lost', 'Missed', 'Skipped', 'Won', 'Archived'

    function Get-RequestCount {
        if (Test-Path -LiteralPath $script:Log) { @(Get-Content -LiteralPath $script:Log).Count } else { 0 }
    }

    # Runs the command with the given parameters (and its own -Path, -GroupBy); returns its warnings' messages.
    function Invoke-Checked([string] $Command, [string] $File, [hashtable] $Parameters) {
        $all = @{} + $Parameters
        if ($File) { $all.Path = Join-Path $TestDrive ("{0}-{1}" -f [guid]::NewGuid().ToString('N').Substring(0, 8), $File) }
        if ($Command -eq 'Get-PartnerReferralSummary') { $all.GroupBy = 'status' }
        & $Command @all -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        @($warnings | ForEach-Object Message)
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe '<Command>: values the module does not know' -ForEach $script:Commands {
    It '-Status Wonn warns, suggests Won, names every known status, and is still sent' {
        $before = Get-RequestCount
        $warnings = @(Invoke-Checked $Command $File @{ Status = 'Wonn' })
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike "-Status: 'Wonn' is not a value the module knows (did you mean Won?).*"
        foreach ($status in $script:Statuses) { $warnings[0] | Should -Match "\b$status\b" }
        Get-RequestCount | Should -BeGreaterThan $before -Because 'a status new to the module must still reach the service'
    }

    It 'a known status in any case, or several, is taken without a word' {
        Invoke-Checked $Command $File @{ Status = 'won', 'Lost' } | Should -BeNullOrEmpty
    }

    It 'warns once per distinct unknown value, and guesses only where one known value is near' {
        $warnings = @(Invoke-Checked $Command $File @{ Status = 'Wonn', 'wonn', 'Pending', 'Won' })
        $warnings.Count | Should -Be 2
        $warnings[0] | Should -Match "'Wonn'"
        $warnings[1] | Should -Match "'Pending' is not a value the module knows\. It is sent as typed"
    }

    It '-CustomerOrgSize with a typo warns, suggests the size, names the known sizes' {
        $warnings = @(Invoke-Checked $Command $File @{ CustomerOrgSize = '10to50employes' })
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike "-CustomerOrgSize: '10to50employes' is not a value the module knows (did you mean 10to50employees?).*"
        $warnings[0] | Should -Match 'Morethan20000employees'
        Invoke-Checked $Command $File @{ CustomerOrgSize = '10TO50EMPLOYEES' } | Should -BeNullOrEmpty
    }

    It '-<Parameter> USA is refused before any request, naming -<Parameter>' -ForEach @(
        @{ Parameter = 'CustomerMarket' }
        @{ Parameter = 'PartnerMarket' }
    ) {
        $before = Get-RequestCount
        $caught = $null
        try { Invoke-Checked $Command $File @{ $Parameter = 'US', 'USA' } } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.NotAMarketCode,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.TargetObject | Should -Be 'USA'
        $caught.Exception.Message | Should -BeLike "-$Parameter`: 'USA' is not a market code*two-letter*"
        $caught.ErrorDetails.RecommendedAction | Should -Match "-$Parameter the two-letter code"
        Get-RequestCount | Should -Be $before
    }

    It 'a two-letter market the module does not know warns without listing every code; a known one in any case does not' {
        $warnings = @(Invoke-Checked $Command $File @{ CustomerMarket = 'XQ' })
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike "-CustomerMarket: 'XQ' is not a market code the module knows*tab completion offers*"
        Invoke-Checked $Command $File @{ CustomerMarket = 'us', 'DE'; PartnerMarket = 'gb' } | Should -BeNullOrEmpty
    }
}

Describe 'Values from piped objects' {
    It 'are not checked: they are the service''s own data, where a status new to the module must pass without a word' {
        $rows = @([pscustomobject] @{ Status = 'Pending' }, [pscustomobject] @{ Status = 'Won'; CustomerMarket = 'USA' })
        $path = Join-Path $TestDrive 'piped.csv'
        $rows | Export-PartnerReferral -Path $path -WarningVariable exportWarnings -ErrorVariable exportErrors
        $rows | Get-PartnerReferralSummary -GroupBy status -WarningVariable summaryWarnings -ErrorVariable summaryErrors | Out-Null
        @($exportWarnings) + @($summaryWarnings) | Should -BeNullOrEmpty
        @($exportErrors) + @($summaryErrors) | Should -BeNullOrEmpty
    }
}

Describe 'What a person sees' {
    It 'the warning reads whole at 80 columns' {
        $text = (Get-PartnerReferral -Status Wonn 3>&1 | Out-String -Width 80) -replace '\s+', ' '
        $text | Should -Match '-Status: ''Wonn'' is not a value the module knows \(did you mean Won\?\)\. It is sent as typed, and the service returns only referrals with exactly this value; known values: Created, .*, Archived\.'
    }
}
