#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# End to end: the packaged module against the emulator, as a user would run it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 500
    $script:ClientId = [guid]::NewGuid().ToString()
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

# Which cmdlets the module exports, their help and their completion are cmdlet metadata: the xunit suite
# (ManifestTests, HelpTests, CompletionTests) checks them once. This file checks what a user does with them.

Describe 'Importing the module' {
    It 'writes no error or warning, loads the version its manifest names and its views' {
        $manifest = Join-Path (Get-Module PartnerReferrals).ModuleBase 'PartnerReferrals.psd1'
        $warnings = $null
        $verbose = Import-Module -Name $manifest -Force -PassThru -Verbose -WarningVariable warnings -ErrorAction Stop 4>&1
        $warnings | Should -BeNullOrEmpty
        $module = $verbose | Where-Object { $_ -is [psmoduleinfo] }
        $module.Version | Should -Be (Import-PowerShellDataFile -Path $manifest).ModuleVersion
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" |
            Should -Match ([regex]::Escape('PartnerReferrals.format.ps1xml'))
    }
}

Describe 'Signing in to the emulator' {
    It 'connects by device code and returns the context' {
        $context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningVariable warnings
        $context.Environment | Should -Be 'Emulator'
        $context.SignInMethod | Should -Be 'DeviceCode'
        $context.ClientId | Should -Be $script:ClientId
        $context.BaseUrl | Should -Be (Get-Content -Raw -Path $script:Emulator.PublishFile | ConvertFrom-Json).baseUrl
        # The device code instructions reach the user as a warning, as Az and Graph print them.
        $warnings | Should -Match '/devicelogin'
    }

    It 'shows the context without any token' {
        $context = Get-PartnerReferralsContext
        $context | Should -Not -BeNullOrEmpty
        $context.PSObject.Properties.Name | Where-Object { $_ -match 'Token$' } | Should -BeNullOrEmpty
    }
}

Describe 'Get-PartnerReferral' {
    BeforeAll {
        $script:All = @(Get-PartnerReferral)
    }

    It 'returns every referral when not limited' {
        $script:All.Count | Should -Be $script:Emulator.Referrals
        @($script:All | Where-Object { $_ -isnot [PartnerReferrals.Models.Referral] }) | Should -BeNullOrEmpty
    }

    It 'filters by status' {
        $won = @(Get-PartnerReferral -Status Won)
        $won.Count | Should -Be @($script:All | Where-Object Status -EQ 'Won').Count
        $won.Status | Sort-Object -Unique | Should -Be 'Won'
    }

    It 'filters by several statuses with or' {
        $some = @(Get-PartnerReferral -Status Won, Lost)
        $some.Count | Should -Be @($script:All | Where-Object Status -In 'Won', 'Lost').Count
    }

    It 'filters by customer and partner market' {
        $market = $script:All[0].CustomerMarket
        @(Get-PartnerReferral -CustomerMarket $market).Count | Should -Be @($script:All | Where-Object CustomerMarket -EQ $market).Count
        $partner = $script:All[0].PartnerMarket
        @(Get-PartnerReferral -PartnerMarket $partner).Count | Should -Be @($script:All | Where-Object PartnerMarket -EQ $partner).Count
    }

    It 'filters by customer organisation size' {
        $size = $script:All[0].CustomerOrgSize
        @(Get-PartnerReferral -CustomerOrgSize $size).Count | Should -Be @($script:All | Where-Object CustomerOrgSize -EQ $size).Count
    }

    It 'filters by a part of the customer name, ignoring case' {
        $part = $script:All[0].CustomerName.Substring(0, 3).ToUpperInvariant()
        $expected = @($script:All | Where-Object { $_.CustomerName.ToUpperInvariant().Contains($part) }).Count
        @(Get-PartnerReferral -CustomerName $part).Count | Should -Be $expected
    }

    It 'filters by a date range on a chosen date field' {
        $dates = $script:All.CreatedDate | Sort-Object
        $after = $dates[[int]($dates.Count / 4)]
        $before = $dates[[int]($dates.Count * 3 / 4)]
        $expected = @($script:All | Where-Object { $_.CreatedDate -ge $after -and $_.CreatedDate -lt $before }).Count
        @(Get-PartnerReferral -DateField createdDate -After $after -Before $before).Count | Should -Be $expected
    }

    It 'passes a raw filter through' {
        $expected = @($script:All | Where-Object { $_.Status -eq 'Won' -or $_.Status -eq 'Lost' }).Count
        @(Get-PartnerReferral -Filter "status eq 'Won' or status eq 'Lost'").Count | Should -Be $expected
    }

    It 'round-trips through Export-Csv and Import-Csv, every cell as its value reads, with no type name' {
        $csv = Join-Path $TestDrive 'referrals.csv'
        $script:All | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv)
        $rows.Count | Should -Be $script:All.Count
        $names = $script:All[0].PSObject.Properties.Name
        (Get-Content -Path $csv -TotalCount 1) -replace '"', '' -split ',' | Should -Be $names
        (Get-Content -Raw -Path $csv) | Should -Not -Match 'System\.|PartnerReferrals\.'
        $differences = for ($i = 0; $i -lt $rows.Count; $i++) {
            foreach ($name in $names) {
                $value = $script:All[$i].$name
                $expected = if ($null -eq $value) { '' } else { $value.ToString() }
                if ($rows[$i].$name -cne $expected) { "row $i ${name}: '$($rows[$i].$name)' <> '$expected'" }
                if ($value -is [datetime] -and ([datetime] $rows[$i].$name).Ticks -ne $value.Ticks) { "row $i ${name}: another instant" }
            }
        }
        $differences | Should -BeNullOrEmpty
    }

    It 'reads an imported row back into Get-PartnerReferral by property name' {
        $csv = Join-Path $TestDrive 'one.csv'
        $script:All[0] | Export-Csv -Path $csv
        $sample = $script:All[0]
        $expected = $script:All | Where-Object {
            $_.Status -eq $sample.Status -and $_.CustomerMarket -eq $sample.CustomerMarket -and
            $_.PartnerMarket -eq $sample.PartnerMarket -and $_.CustomerOrgSize -eq $sample.CustomerOrgSize
        }
        @(Import-Csv -Path $csv | Get-PartnerReferral).Id | Should -Be @($expected.Id)
    }

}

Describe 'Get-PartnerReferralSummary' {
    It 'counts by status, adding up to the total' {
        $groups = @(Get-PartnerReferralSummary -GroupBy status)
        $groups[0] | Should -BeOfType 'PartnerReferrals.Models.ReferralGroup'
        ($groups | Measure-Object ReferralCount -Sum).Sum | Should -Be $script:Emulator.Referrals
        # Group-Object keeps the order of first appearance: sort both sides.
        $groups.Status | Sort-Object | Should -Be ((Get-PartnerReferral | Group-Object Status).Name | Sort-Object)
    }

    It 'buckets created dates by month' {
        $groups = @(Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month)
        $groups.CreatedDate | ForEach-Object { $_.Day | Should -Be 1 }
        ($groups | Measure-Object ReferralCount -Sum).Sum | Should -Be $script:Emulator.Referrals
    }

    It 'applies filters' {
        $groups = @(Get-PartnerReferralSummary -GroupBy customerMarket -Status Won)
        ($groups | Measure-Object ReferralCount -Sum).Sum | Should -Be @(Get-PartnerReferral -Status Won).Count
    }
}

Describe 'Errors' {
    It 'rejects a page size outside 1..10000 before any request' {
        { Get-PartnerReferral -PageSize 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PartnerReferrals.Commands.GetPartnerReferralCommand'
    }
}

Describe 'Disconnecting' {
    It 'ends the session' {
        $ended = Disconnect-PartnerReferrals -PassThru
        $ended.Environment | Should -Be 'Emulator'
        Get-PartnerReferralsContext | Should -BeNullOrEmpty
        # A second disconnect has nothing to end and says so without failing.
        $again = Disconnect-PartnerReferrals -Verbose 4>&1
        @($again | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        $again.Message | Should -Contain 'No session was connected.'
    }

    It 'lets a script that connects, queries and disconnects run twice in one session' {
        foreach ($run in 1, 2) {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
            @(Get-PartnerReferral -First 5).Count | Should -Be 5 -Because "run $run"
            Disconnect-PartnerReferrals
        }
    }

    It 'refuses China, where referrals analytics are not offered, with a clear error' {
        $caught = $null
        try {
            Connect-PartnerReferrals -Environment China -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop
        }
        catch {
            $caught = $_
        }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.EnvironmentNotSupported,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -Match '21Vianet'
        $caught.TargetObject | Should -BeOfType [string]
        $caught.TargetObject | Should -Be 'China'
        $caught.ErrorDetails.RecommendedAction | Should -Match '-Environment Global'
        "$caught" | Should -Not -Match '   at '
    }

    It 'says to connect when a query runs without a session' {
        $caught = $null
        try {
            Get-PartnerReferral -First 1 -ErrorAction Stop
        }
        catch {
            $caught = $_
        }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.NotConnected,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $caught.ErrorDetails.RecommendedAction | Should -Match 'Connect-PartnerReferrals'
        "$caught" | Should -Not -Match '   at '
    }
}
