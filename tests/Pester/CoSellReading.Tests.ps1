#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Get-PartnerCoSellReferral against the emulator's Referrals API (issue 20 items 1 and 5): the requests it sends, paging
# by next links, a 10,000-referral pull that streams, retries on throttling and server errors, the role refusal, and
# CSV cells from the service's own data. Each emulator logs its requests (received, ms, status, path, method, ...).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:ClientId = [guid]::NewGuid().ToString()

    function Start-CoSellEmulator([string[]] $Options) {
        $log = Join-Path $TestDrive ("requests-{0}.log" -f [guid]::NewGuid())
        $emulator = Start-TestEmulator -Referrals 10 -ArgumentList (@('--request-log', $log) + $Options)
        $emulator | Add-Member -NotePropertyName Log -NotePropertyValue $log -PassThru
    }

    function Connect-To($Emulator) {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    # The Referrals API's requests of the log: Path, Method, Status, Received.
    function Get-CoSellRequests($Emulator) {
        Get-Content -LiteralPath $Emulator.Log | Where-Object { $_ -match '/v1\.0/engagements/referrals' } | ForEach-Object {
            $cells = $_ -split "`t"
            [pscustomobject] @{ Received = [datetimeoffset]::Parse($cells[0], [cultureinfo]::InvariantCulture); Status = [int] $cells[2]; Path = [uri]::UnescapeDataString($cells[3]); Method = $cells[4] }
        }
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Reading co-sell referrals from the Referrals API' {
    BeforeAll {
        $script:Emulator = Start-CoSellEmulator '--cosell-referrals', '350'
        Connect-To $script:Emulator
    }

    AfterAll {
        Stop-TestEmulator $script:Emulator
    }

    It 'returns every referral once, following the next links page by page' {
        $all = @(Get-PartnerCoSellReferral)
        $all.Count | Should -Be 350
        @($all.Id | Sort-Object -Unique).Count | Should -Be 350
        @($all | Where-Object { $_ -isnot [PartnerReferrals.Models.CoSellReferral] }) | Should -BeNullOrEmpty
        $pages = @(Get-CoSellRequests $script:Emulator | Where-Object { $_.Method -eq 'GET' })
        $pages.Count | Should -Be 4
        $pages[1..3].Path | ForEach-Object { $_ | Should -Match 'skiptoken' }
    }

    It 'sends the typed parameters as one OData filter joined by and, and the order asked for' {
        $before = @(Get-CoSellRequests $script:Emulator).Count
        $new = @(Get-PartnerCoSellReferral -Status New -Direction Incoming -OrderBy 'createdDateTime desc')
        $request = @(Get-CoSellRequests $script:Emulator)[$before]
        $request.Path | Should -Match "\`$filter=status eq 'New' and direction eq 'Incoming'"
        $request.Path | Should -Match '\$orderby=createdDateTime desc'
        $new.Count | Should -BeGreaterThan 0
        @($new | Where-Object { $_.Status -ne 'New' -or $_.Direction -ne 'Incoming' }) | Should -BeNullOrEmpty
        $dates = $new.CreatedDateTime
        $dates | Should -Be @($dates | Sort-Object -Descending)
    }

    It 'sets -CountVariable to the number that match, with -First taking fewer, and writes only referrals' {
        $count = 'earlier'
        $first = @(Get-PartnerCoSellReferral -First 5 -CountVariable count)
        $first.Count | Should -Be 5
        $first | ForEach-Object { $_ | Should -BeOfType ([PartnerReferrals.Models.CoSellReferral]) }
        $count | Should -Be 350
    }

    It 'writes readable cells to CSV, never a type name' {
        $csv = Join-Path $TestDrive 'cosell.csv'
        Get-PartnerCoSellReferral -First 50 | Export-Csv -Path $csv
        $rows = @(Import-Csv -Path $csv)
        $rows.Count | Should -Be 50
        Get-Content -Raw -Path $csv | Should -Not -Match 'System\.|PartnerReferrals\.Models'
        $rows[0].Team | Should -Match '@'
    }
}

Describe 'A pull of 10,000 co-sell referrals' {
    BeforeAll {
        $script:Big = Start-CoSellEmulator '--cosell-referrals', '10000'
        Connect-To $script:Big
    }

    AfterAll {
        Stop-TestEmulator $script:Big
    }

    It 'streams with flat memory: the first referral reaches the pipeline before the last page is asked for' {
        $first = $null
        $count = 0
        $live = @{}
        Get-PartnerCoSellReferral | ForEach-Object {
            if (-not $first) { $first = [datetimeoffset]::UtcNow }
            $count++
            # Live memory early and late in the pull: a module that held the referrals it wrote would grow by ~9,000 of them.
            if ($count -in 500, 9500) { $live[$count] = [GC]::GetTotalMemory($true) }
        }
        $count | Should -Be 10000
        ($live[9500] - $live[500]) / 1MB | Should -BeLessThan 8
        $pages = @(Get-CoSellRequests $script:Big | Where-Object { $_.Method -eq 'GET' })
        $pages.Count | Should -Be 100
        $first | Should -BeLessThan $pages[-1].Received
    }

    It 'stops asking for pages once Select-Object -First has enough' {
        $before = @(Get-CoSellRequests $script:Big).Count
        @(Get-PartnerCoSellReferral | Select-Object -First 150).Count | Should -Be 150
        (@(Get-CoSellRequests $script:Big).Count - $before) | Should -BeLessOrEqual 3
    }
}

Describe 'Faults and refusals of the Referrals API' {
    It 'retries throttling and server errors and still returns every referral once' {
        $emulator = Start-CoSellEmulator '--cosell-referrals', '300', '--throttle', '0.2', '--server-errors', '0.2'
        try {
            Connect-To $emulator
            $all = @(Get-PartnerCoSellReferral -WarningAction SilentlyContinue)
            @($all.Id | Sort-Object -Unique).Count | Should -Be 300
            @(Get-CoSellRequests $emulator | Where-Object Status -In 429, 500, 503).Count | Should -BeGreaterThan 0
        }
        finally {
            Stop-TestEmulator $emulator
        }
    }

    It 'asks again for a page or a referral whose body arrives cut short' {
        $emulator = Start-CoSellEmulator '--cosell-referrals', '300', '--truncate', '0.4'
        try {
            Connect-To $emulator
            $all = @(Get-PartnerCoSellReferral)
            @($all.Id | Sort-Object -Unique).Count | Should -Be 300
            $one = @(foreach ($id in $all[0..9].Id) { Get-PartnerCoSellReferral -Id $id })
            $one.Id | Should -Be $all[0..9].Id
            # 3 pages and 10 referrals answered: the requests beyond those 13 are the cut ones, sent again.
            @(Get-CoSellRequests $emulator).Count | Should -BeGreaterThan 13
        }
        finally {
            Stop-TestEmulator $emulator
        }
    }

    It '-CountVariable is $null, not the count of an earlier command, when the API leaves @odata.count out' {
        $emulator = Start-CoSellEmulator '--cosell-referrals', '300', '--no-total-count'
        try {
            Connect-To $emulator
            $count = 350
            $all = @(Get-PartnerCoSellReferral -CountVariable count)
            @($all.Id | Sort-Object -Unique).Count | Should -Be 300
            $count | Should -BeNullOrEmpty
            (Get-CoSellRequests $emulator)[0].Path | Should -Match '\$count=true'
        }
        finally {
            Stop-TestEmulator $emulator
        }
    }

    It 'names the Referrals roles when the user has neither (403)' {
        $emulator = Start-CoSellEmulator '--cosell-role', 'None'
        try {
            Connect-To $emulator
            $caught = $null
            try { Get-PartnerCoSellReferral -First 1 -ErrorAction Stop } catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.CoSell.Forbidden,*'
            $caught.CategoryInfo.Category | Should -Be 'PermissionDenied'
            "$($caught.Exception.Message) $($caught.ErrorDetails.RecommendedAction)" | Should -Match 'Referrals Admin'
            "$caught" | Should -Not -Match '   at '
        }
        finally {
            Stop-TestEmulator $emulator
        }
    }
}
