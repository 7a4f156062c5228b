#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# What a PowerShell user expects of a module in a pipeline and a session: each Describe one behaviour, run against
# the packaged module and the emulator as a user would run it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 400
    $script:ClientId = [guid]::NewGuid().ToString()
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId | Out-Null
    $script:All = @(Get-PartnerReferral)
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'A summary row piped into Get-PartnerReferral returns exactly the referrals it counts' {
    BeforeDiscovery {
        $dateFields = 'createdDate', 'acknowledgedDate', 'acceptedDate', 'declinedDate', 'expiredDate', 'lostDate', 'missedDate', 'skippedDate', 'wonDate', 'archivedDate'
        $script:Cases = @(
            foreach ($term in 'status', 'customerMarket', 'customerName', 'customerOrgSize', 'partnerMarket') {
                @{ GroupBy = @($term); Level = $null }
            }
            foreach ($date in $dateFields) {
                foreach ($level in 'Day', 'Week', 'Month') {
                    @{ GroupBy = @($date); Level = $level }
                }
            }
            @{ GroupBy = @('status', 'createdDate'); Level = 'Month' }
            @{ GroupBy = @('customerMarket', 'wonDate'); Level = 'Week' }
            @{ GroupBy = @('createdDate'); Level = $null }
        )
    }

    It 'the issue''s example returns the rows of the three buckets, once each' {
        $rows = @(Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month -Status Won | Select-Object -First 3)
        $drilled = @($rows | Get-PartnerReferral)
        $drilled.Count | Should -Be ($rows | Measure-Object ReferralCount -Sum).Sum
        @($drilled.Id | Sort-Object -Unique).Count | Should -Be $drilled.Count
        $months = $rows.CreatedDate | ForEach-Object { $_.ToString('yyyy-MM') }
        $drilled | ForEach-Object { $_.CreatedDate.ToString('yyyy-MM') | Should -BeIn $months }
        $drilled.Status | Sort-Object -Unique | Should -Be 'Won'
    }

    It 'grouped by <GroupBy> at <Level>: every row drills down to its count, and the rows add up to all referrals' -ForEach $script:Cases {
        $parameters = @{ GroupBy = $GroupBy }
        if ($Level) { $parameters.AggregationLevel = $Level }
        $groups = @(Get-PartnerReferralSummary @parameters)
        ($groups | Measure-Object ReferralCount -Sum).Sum | Should -Be $script:All.Count

        $drilled = @($groups | Get-PartnerReferral)
        $drilled.Count | Should -Be $script:All.Count
        @($drilled.Id | Sort-Object -Unique).Count | Should -Be $script:All.Count

        # Each bucket on its own: the first rows, the last, and the one of referrals without the date, if any.
        $sample = @($groups | Select-Object -First 3) + @($groups | Select-Object -Last 1) + @($groups | Where-Object { $null -eq $_.($GroupBy[-1]) } | Select-Object -First 1)
        foreach ($group in $sample) {
            $rows = @($group | Get-PartnerReferral)
            $rows.Count | Should -Be $group.ReferralCount -Because "the row $($group | ConvertTo-Json -Compress) counts them"
            foreach ($field in $GroupBy) {
                $start = $group.$field
                foreach ($row in $rows) {
                    $value = $row.$field
                    if ($null -eq $start) {
                        $value | Should -BeNullOrEmpty
                    }
                    elseif ($start -is [datetime]) {
                        $end = $start.AddDays(1)
                        if ($Level -eq 'Week') { $end = $start.AddDays(7) }
                        if ($Level -eq 'Month') { $end = $start.AddMonths(1) }
                        $value | Should -BeGreaterOrEqual $start
                        $value | Should -BeLessThan $end
                    }
                    else {
                        $value | Should -Be $start
                    }
                }
            }
        }
    }

    It 'weeks start on Monday' {
        $weeks = @(Get-PartnerReferralSummary -GroupBy createdDate -AggregationLevel Week)
        $weeks.CreatedDate.DayOfWeek | Sort-Object -Unique | Should -Be 'Monday'
    }

    It 'a summary row read back from CSV drills down too' {
        $csv = Join-Path $TestDrive 'summary.csv'
        Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month | Export-Csv -Path $csv
        $rows = @(Import-Csv -Path $csv | Select-Object -First 4)
        $drilled = @($rows | Get-PartnerReferral)
        $drilled.Count | Should -Be ($rows | Measure-Object ReferralCount -Sum).Sum
    }

    It 'a plain object drills down by its Status, as before' {
        $won = @([pscustomobject]@{ Status = 'Won' } | Get-PartnerReferral)
        $won.Count | Should -Be @($script:All | Where-Object Status -EQ 'Won').Count
    }

    It 'a -Status on the command line narrows what the piped rows stand for' {
        $groups = @(Get-PartnerReferralSummary -GroupBy customerMarket | Select-Object -First 2)
        $drilled = @($groups | Get-PartnerReferral -Status Won)
        $expected = @($script:All | Where-Object { $_.Status -eq 'Won' -and $_.CustomerMarket -in $groups.CustomerMarket }).Count
        $drilled.Count | Should -Be $expected
    }
}

Describe 'A failure that concerns one piped input is a non-terminating error for that input' {
    BeforeAll {
        $script:Inputs = @(
            [pscustomobject]@{ Status = 'Won' }
            [pscustomobject]@{ Colour = 'red' }
            [pscustomobject]@{ Status = 'Lost' }
        )
        $script:WonOrLost = @($script:All | Where-Object Status -In 'Won', 'Lost').Count
    }

    It 'writes an error for the failing input and goes on with the others' {
        $rows = @($script:Inputs | Get-PartnerReferral -ErrorAction SilentlyContinue -ErrorVariable failures)
        $rows.Count | Should -Be $script:WonOrLost
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.InputObjectNotUsable,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'stops at the failing input with -ErrorAction Stop' {
        $rows = [System.Collections.Generic.List[object]]::new()
        { $script:Inputs | Get-PartnerReferral -ErrorAction Stop | ForEach-Object { $rows.Add($_) } } |
            Should -Throw -ErrorId 'PartnerReferrals.Query.InputObjectNotUsable,PartnerReferrals.Commands.GetPartnerReferralCommand'
        $rows.Count | Should -Be @($script:All | Where-Object Status -EQ 'Won').Count
    }

    It 'a summary row whose GroupBy names an unknown field fails that row only' {
        $rows = @([pscustomobject]@{ GroupBy = 'colour'; Colour = 'red' }, [pscustomobject]@{ Status = 'Won' } |
                Get-PartnerReferral -ErrorAction SilentlyContinue -ErrorVariable failures)
        $rows.Count | Should -Be @($script:All | Where-Object Status -EQ 'Won').Count
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.InputObjectUnknownField,*'
        $failures[0].TargetObject | Should -Be 'colour'
    }

    It 'invalid parameters still end the command, whatever -ErrorAction says' {
        $caught = $null
        $rows = @()
        try {
            $rows = @($script:Inputs | Get-PartnerReferral -Filter "colour eq 'red'" -ErrorAction SilentlyContinue)
        }
        catch {
            $caught = $_
        }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.UnknownField,*'
        $rows.Count | Should -Be 0
    }

    It 'not being signed in still ends the command' {
        Disconnect-PartnerReferrals
        try {
            $caught = $null
            try {
                $script:Inputs | Get-PartnerReferral -ErrorAction SilentlyContinue | Out-Null
            }
            catch {
                $caught = $_
            }
            $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.NotConnected,*'
        }
        finally {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
        }
    }

    It 'the about help says which errors end a command and which do not' {
        $about = Get-Help about_PartnerReferrals | Out-String
        $about | Should -Match 'non-terminating'
        $about | Should -Match 'NotConnected'
    }
}

Describe '-CountVariable gives the total without a foreign object in the stream' {
    It 'sets the variable to the total and writes only referrals, so Export-Csv writes the rows' {
        $csv = Join-Path $TestDrive 'first.csv'
        Get-PartnerReferral -First 5 -CountVariable total | Export-Csv -Path $csv
        $total | Should -Be $script:All.Count
        $rows = @(Import-Csv -Path $csv)
        $rows.Count | Should -Be 5
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'Accuracy'
        $rows.Id | Should -Be $script:All[0..4].Id
    }

    It 'has the alias CV, as in Microsoft.Graph' {
        $rows = @(Get-PartnerReferral -Status Won -First 1 -CV wonTotal)
        $rows.Count | Should -Be 1
        $wonTotal | Should -Be @($script:All | Where-Object Status -EQ 'Won').Count
    }

    It 'sums the totals of the piped inputs' {
        $rows = @([pscustomobject]@{ Status = 'Won' }, [pscustomobject]@{ Status = 'Lost' } | Get-PartnerReferral -First 1 -CountVariable both)
        $rows.Count | Should -Be 2
        $both | Should -Be @($script:All | Where-Object Status -In 'Won', 'Lost').Count
    }

    It 'is set even when Select-Object -First stops the pipeline early' {
        $rows = @(Get-PartnerReferral -PageSize 10 -CountVariable early | Select-Object -First 2)
        $rows.Count | Should -Be 2
        $early | Should -Be $script:All.Count
    }

    It 'is $null, not the count of an earlier command, when the service reports no total' {
        $silent = Start-TestEmulator -Referrals 1200 -ArgumentList '--no-total-count'
        try {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $silent.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
            $total = 400
            $rows = @(Get-PartnerReferral -CountVariable total)
            $rows.Count | Should -Be 1200
            $total | Should -BeNullOrEmpty
        }
        finally {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
            Stop-TestEmulator $silent
        }
    }
}

Describe 'Look up referrals by id' {
    It 'returns the referrals with the ids given' {
        $ids = $script:All[3].Id, $script:All[7].Id
        $rows = @(Get-PartnerReferral -Id $ids)
        $rows.Id | Sort-Object | Should -Be ($ids | Sort-Object)
    }

    It 'takes ids typed as numbers, as in -Id 100003, 100007' {
        $numbers = [int] $script:All[1].Id, [int] $script:All[2].Id
        $rows = @(Get-PartnerReferral -Id $numbers[0], $numbers[1])
        $rows.Id | Should -Be $script:All[1..2].Id
    }

    It 'piped referrals bind Id by property name and return themselves, not a status/market match' {
        $first = @(Get-PartnerReferral -First 2)
        $rows = @($first | Get-PartnerReferral)
        $rows.Id | Should -Be $first.Id
        (Get-Command Get-PartnerReferral).Parameters['Id'].Attributes.ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'objects of Import-Csv with an Id column look themselves up' {
        $csv = Join-Path $TestDrive 'ids.csv'
        $script:All[10..12] | Select-Object Id | Export-Csv -Path $csv
        @(Import-Csv -Path $csv | Get-PartnerReferral).Id | Should -Be $script:All[10..12].Id
    }

    It 'an id that matches nothing is a non-terminating ObjectNotFound error naming it' {
        $rows = @(Get-PartnerReferral -Id $script:All[0].Id, 'no-such-id' -ErrorAction SilentlyContinue -ErrorVariable missing)
        $rows.Id | Should -Be $script:All[0].Id
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.ReferralNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'no-such-id'
    }

    It 'refuses an empty id instead of returning every referral' {
        { Get-PartnerReferral -Id '' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe '-ChangedSince returns what changed since a previous pull' {
    BeforeAll {
        $script:DateProperties = 'CreatedDate', 'AcknowledgedDate', 'AcceptedDate', 'DeclinedDate', 'ExpiredDate', 'LostDate', 'MissedDate', 'SkippedDate', 'WonDate', 'ArchivedDate'
        function Get-ChangedSince([datetime] $Since) {
            @($script:All | Where-Object { $row = $_; @($script:DateProperties | Where-Object { $null -ne $row.$_ -and $row.$_ -ge $Since }).Count -gt 0 })
        }
    }

    It 'returns the referrals with any lifecycle date at or after the time' {
        $since = ($script:All.CreatedDate | Sort-Object)[[int]($script:All.Count * 0.8)]
        $rows = @(Get-PartnerReferral -ChangedSince $since)
        $expected = Get-ChangedSince $since
        $rows.Count | Should -Be $expected.Count
        $rows.Id | Should -Be $expected.Id
        # Not only created ones: a referral created before may have been won or archived since.
        @($rows | Where-Object CreatedDate -LT $since).Count | Should -BeGreaterThan 0
    }

    It 'counts the same in a summary' {
        $since = ($script:All.CreatedDate | Sort-Object)[[int]($script:All.Count / 2)]
        (Get-PartnerReferralSummary -GroupBy status -ChangedSince $since | Measure-Object ReferralCount -Sum).Sum | Should -Be (Get-ChangedSince $since).Count
    }

    It 'the watermark recipe of the about help runs twice: everything first, then only what changed' {
        $about = (Get-Help about_PartnerReferrals | Out-String) -split "`r?`n"
        $start = [array]::FindIndex($about, [Predicate[string]] { param($l) $l -match '^\s+\$watermark = ' })
        $end = [array]::FindIndex($about, [Predicate[string]] { param($l) $l -match 'Set-Content -Path \$watermark' })
        $start | Should -BeGreaterOrEqual 0
        $recipe = ($about[$start..$end] -join "`n")
        $originalHome = $HOME
        try {
            Set-Variable -Name HOME -Value $TestDrive -Force -Scope Global
            . ([scriptblock]::Create($recipe))
            @(Import-Csv (Join-Path $TestDrive 'referrals-changed.csv')).Count | Should -Be $script:All.Count
            $saved = [datetime]::Parse((Get-Content -Raw (Join-Path $TestDrive 'referrals.watermark')).Trim(), [cultureinfo]::InvariantCulture, 'RoundtripKind')
            $saved.Kind | Should -Be 'Utc'
            . ([scriptblock]::Create($recipe))
            @(Import-Csv (Join-Path $TestDrive 'referrals-changed.csv')).Count | Should -Be (Get-ChangedSince $saved).Count
        }
        finally {
            Set-Variable -Name HOME -Value $originalHome -Force -Scope Global
        }
    }
}

Describe 'The context shows the live token expiry and whether a renewal is possible' {
    BeforeAll {
        # Tokens of a minute: MSAL renews a token that expires within five minutes, so every request renews.
        $script:ShortLived = Start-TestEmulator -Referrals 20 -ArgumentList '--token-lifetime', 60
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:ShortLived.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    AfterAll {
        Stop-TestEmulator $script:ShortLived
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    It 'moves TokenExpiresOn on when the token is renewed' {
        $before = Get-PartnerReferralsContext
        $before.TokenExpiresOn | Should -Not -BeNullOrEmpty
        # Expiry times have a resolution of one second: let the clock pass it.
        Start-Sleep -Seconds 2
        Get-PartnerReferral -First 1 | Out-Null
        $after = Get-PartnerReferralsContext
        $after.TokenExpiresOn | Should -BeGreaterThan $before.TokenExpiresOn
    }

    It 'says a signed-in session can renew its token and that it has not expired' {
        $context = Get-PartnerReferralsContext
        $context.TokenRenewable | Should -BeOfType [bool]
        $context.TokenRenewable | Should -BeTrue
        $context.TokenExpired | Should -BeOfType [bool]
        $context.TokenExpired | Should -BeFalse
    }

    It 'never shows a token' {
        $json = Get-PartnerReferralsContext | ConvertTo-Json
        $json | Should -Not -Match 'eyJ'
        (Get-PartnerReferralsContext | Format-List * | Out-String) | Should -Not -Match 'eyJ'
    }

    It 'says an access token passed in cannot be renewed' {
        $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((@{ exp = [DateTimeOffset]::UtcNow.AddMinutes(30).ToUnixTimeSeconds(); upn = 'someone@contoso.com' } | ConvertTo-Json -Compress))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        $token = ConvertTo-SecureString -AsPlainText -Force "eyJhbGciOiJub25lIn0.$payload.sig"
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:ShortLived.PublishFile -AccessToken $token -WarningAction SilentlyContinue | Out-Null
        $context = Get-PartnerReferralsContext
        $context.SignInMethod | Should -Be 'AccessToken'
        $context.TokenRenewable | Should -BeOfType [bool]
        $context.TokenRenewable | Should -BeFalse
        $context.TokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
    }
}

# Each grouping's own view and views that fit a console are tested in Views.Tests.ps1, and the summary row's shape
# in SummaryRows.Tests.ps1.

Describe 'Every error has a RecommendedAction' {
    BeforeDiscovery {
        $script:ErrorCases = @(
            @{ Id = 'PartnerReferrals.Session.EnvironmentNotSupported'; Run = { Connect-PartnerReferrals -Environment China -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } }
            @{ Id = 'PartnerReferrals.Session.CustomEnvironmentIncomplete'; Run = { Connect-PartnerReferrals -Environment Custom -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } }
            @{ Id = 'PartnerReferrals.Session.EmulatorNotFound'; Run = { Connect-PartnerReferrals -Environment Emulator -EmulatorFile (Join-Path $TestDrive 'none.json') -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } }
            @{ Id = 'PartnerReferrals.Auth.InvalidClient'; Run = {
                    $app = [pscredential]::new($script:ClientId, (ConvertTo-SecureString -AsPlainText -Force 'wrong-secret'))
                    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -RefreshToken (ConvertTo-SecureString -AsPlainText -Force 'x') -ClientSecretCredential $app -ErrorAction Stop } }
            @{ Id = 'PartnerReferrals.Auth.CertificateNotFound'; Run = {
                    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -RefreshToken (ConvertTo-SecureString -AsPlainText -Force 'x') -ClientId $script:ClientId -CertificateThumbprint 'ABCDEF0123' -ErrorAction Stop } }
            @{ Id = 'PartnerReferrals.Auth.TokenExpired'; Run = {
                    $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"exp":1000}')).TrimEnd('=')
                    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -AccessToken (ConvertTo-SecureString -AsPlainText -Force "eyJhbGciOiJub25lIn0.$payload.x") -ErrorAction Stop } }
            @{ Id = 'PartnerReferrals.Auth.Unauthorized'; Run = {
                    $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((@{ exp = [DateTimeOffset]::UtcNow.AddHours(1).ToUnixTimeSeconds() } | ConvertTo-Json -Compress))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
                    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -AccessToken (ConvertTo-SecureString -AsPlainText -Force "eyJhbGciOiJub25lIn0.$payload.x") -ErrorAction Stop | Out-Null
                    Get-PartnerReferral -First 1 -ErrorAction Stop } }
        )
    }

    AfterAll {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    It '<Id> says what to do next' -ForEach $script:ErrorCases {
        $caught = $null
        try {
            & $Run | Out-Null
        }
        catch {
            $caught = $_
        }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $caught.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $caught.ErrorDetails.RecommendedAction | Should -Not -Match 'System\.'
    }
}

Describe 'The CurrentUser cache warning names the real switch' {
    It 'tells to run Disconnect-PartnerReferrals -ClearPersistedCache, a switch that exists' {
        $originalData = $env:XDG_DATA_HOME
        # The cache goes to a folder of this test, not the user's profile.
        $env:XDG_DATA_HOME = Join-Path $TestDrive 'data'
        try {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -ContextScope CurrentUser -AllowPlaintextCache -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
            $cacheWarning = @($warnings | Where-Object { $_.Message -match 'cache' })
            if ($cacheWarning.Count -eq 0) {
                Set-ItResult -Skipped -Because 'this machine has an OS secret store, so no plaintext warning is written'
                return
            }
            $cacheWarning[0].Message | Should -Match 'Disconnect-PartnerReferrals -ClearPersistedCache'
            $cacheWarning[0].Message | Should -Not -Match 'ClearTokenCache'
            (Get-Command Disconnect-PartnerReferrals).Parameters.Keys | Should -Contain 'ClearPersistedCache'
            Disconnect-PartnerReferrals -ClearPersistedCache
            Get-ChildItem -Recurse -File (Join-Path $TestDrive 'data') | Where-Object Name -Like 'msal.cache*' | Should -BeNullOrEmpty
        }
        finally {
            $env:XDG_DATA_HOME = $originalData
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
        }
    }
}

Describe 'Filter and service errors say each thing once' {
    It 'reports like as an unsupported operator and lists the supported ones' {
        $caught = $null
        try { Get-PartnerReferral -Filter "status like 'Won'" -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.UnsupportedOperator,*'
        $caught.TargetObject | Should -Be 'like'
        $caught.Exception.Message | Should -Match "'like'.*not an operator"
        $caught.Exception.Message | Should -Not -Match 'not a referral field'
        $caught.ErrorDetails.RecommendedAction | Should -Match 'eq, ne'
        $caught.ErrorDetails.RecommendedAction | Should -Match 'contains\(customerName'
    }

    It 'prints the request ids of a service error once, and the recommendation once' {
        $caught = $null
        try { Get-PartnerReferral -Filter 'status eq 5' -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Api.BadRequest,*'
        $requestId = $caught.Exception.RequestId
        $requestId | Should -Not -BeNullOrEmpty
        $shown = $caught | Out-String -Width 400
        ([regex]::Matches($shown, [regex]::Escape($requestId))).Count | Should -Be 1
        ([regex]::Matches($caught.ErrorDetails.Message, [regex]::Escape($requestId))).Count | Should -Be 1
        $caught.ErrorDetails.Message | Should -Not -Match ([regex]::Escape($caught.ErrorDetails.RecommendedAction))
        ([regex]::Matches($shown, [regex]::Escape($caught.ErrorDetails.RecommendedAction))).Count | Should -BeLessOrEqual 1
    }

    It 'does not repeat a query error''s fix in its message' {
        $caught = $null
        try { Get-PartnerReferralSummary -GroupBy colour -ErrorAction Stop } catch { $caught = $_ }
        $caught.ErrorDetails.RecommendedAction | Should -Match '^Use one of'
        $caught.ErrorDetails.Message | Should -Not -Match 'Use one of'
        $caught.Exception.Message | Should -Match 'Use one of'
    }
}

Describe 'Conflicting or ignored parameters are refused or warned, naming them' {
    AfterAll {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    It 'refuses -BaseUrl and -Authority with an environment other than Custom' {
        $caught = $null
        try { Connect-PartnerReferrals -Environment Global -BaseUrl https://example.invalid -Authority https://login.example.invalid -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.ConflictingParameters,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -Match '-BaseUrl and -Authority'
        $caught.Exception.Message | Should -Match 'Custom'
    }

    It 'refuses -ClientSecretCredential together with -CertificateThumbprint' {
        $app = [pscredential]::new($script:ClientId, (ConvertTo-SecureString -AsPlainText -Force 'secret'))
        $caught = $null
        try { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -RefreshToken (ConvertTo-SecureString -AsPlainText -Force 'x') -ClientSecretCredential $app -CertificateThumbprint 'ABCDEF' -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.ConflictingParameters,*'
        $caught.Exception.Message | Should -Match '-ClientSecretCredential and -CertificateThumbprint'
    }

    It 'refuses a -ClientId that is not a GUID' {
        $caught = $null
        try { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId 'my-app' -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.InvalidClientId,*'
        $caught.TargetObject | Should -Be 'my-app'
        $caught.Exception.Message | Should -Match '-ClientId'
    }

    It 'warns that -DateField without -After or -Before is ignored' {
        $rows = @(Get-PartnerReferral -DateField wonDate -First 3 -WarningVariable warned -WarningAction SilentlyContinue)
        $rows.Count | Should -Be 3
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Match '-DateField wonDate is ignored'
        $warned[0].Message | Should -Match '-After'
    }
}

Describe 'Network and TLS failures of a sign-in have stable ids' {
    AfterAll {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    It 'a name that does not resolve is PartnerReferrals.Auth.NetworkFailed, a ConnectionError with the authority as target' {
        $authority = [uri] 'https://login.nonexistent.invalid/common'
        $caught = $null
        try { Connect-PartnerReferrals -Environment Custom -BaseUrl https://api.nonexistent.invalid -Authority $authority -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.NetworkFailed,*'
        $caught.CategoryInfo.Category | Should -Be 'ConnectionError'
        "$($caught.TargetObject)" | Should -Be "$authority"
        $caught.ErrorDetails.RecommendedAction | Should -Match 'proxy'
        $caught.Exception.Message | Should -Match 'login\.nonexistent\.invalid'
    }

    It 'an untrusted certificate on loopback is PartnerReferrals.Http.CertificateRejected, pointing to -Environment Emulator' {
        # The emulator's own certificate, reached as a Custom environment, so nothing pins it.
        $published = Get-Content -Raw $script:Emulator.PublishFile | ConvertFrom-Json
        $caught = $null
        try { Connect-PartnerReferrals -Environment Custom -BaseUrl $published.baseUrl -Authority $published.authority -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } catch { $caught = $_ }
        # A certificate failure is never retried and has its own id; on loopback the advice is the emulator's pin.
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Http.CertificateRejected,*'
        $caught.CategoryInfo.Category | Should -Be 'ConnectionError'
        $caught.ErrorDetails.RecommendedAction | Should -Match '-Environment Emulator'
    }
}

# -Debug and -Verbose where no one can answer a prompt: Streams.Tests.ps1.

Describe 'Completion and string forms a PowerShell user expects' {
    BeforeAll {
        function Get-Completion([string] $Line) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
        }
        # A file in the current folder that file-name completion would offer.
        $script:Here = Get-Location
        Set-Location $TestDrive
        Set-Content -Path (Join-Path $TestDrive 'US-notes.txt') -Value 'x'
        Set-Content -Path (Join-Path $TestDrive 'status.txt') -Value 'x'
    }

    AfterAll {
        Set-Location $script:Here
    }

    It 'completes market codes for -CustomerMarket and -PartnerMarket' {
        (Get-Completion 'Get-PartnerReferral -CustomerMarket U').CompletionText | Should -Contain 'US'
        (Get-Completion 'Get-PartnerReferralSummary -GroupBy status -PartnerMarket D').CompletionText | Should -Contain 'DE'
        (Get-Completion 'Get-PartnerReferral -CustomerMarket U').CompletionText | Should -Not -Contain './US-notes.txt'
    }

    It 'never offers file names for -TenantId or -Filter' {
        $tenant = (Get-Completion 'Connect-PartnerReferrals -TenantId ').CompletionText
        $tenant | Should -Not -BeNullOrEmpty
        $tenant | Where-Object { $_ -match '\.txt' } | Should -BeNullOrEmpty
        $tenant | Should -Contain (Get-PartnerReferralsContext).TenantId
        $filter = (Get-Completion 'Get-PartnerReferral -Filter stat').CompletionText
        $filter | Where-Object { $_ -match '\.txt' } | Should -BeNullOrEmpty
        $filter | Should -Contain "'status'"
        (Get-Completion 'Get-PartnerReferral -Filter x').CompletionText | Where-Object { $_ -match '\.txt' } | Should -BeNullOrEmpty
    }

    It '"$referral" prints its id' {
        $referral = Get-PartnerReferral -First 1
        "$referral" | Should -Be $referral.Id
        "Referral $referral" | Should -Be "Referral $($referral.Id)"
    }
}

Describe 'CSV dates' {
    It 'keeps DateTime properties in UTC on the objects' {
        $script:All[0].CreatedDate | Should -BeOfType [datetime]
        $script:All[0].CreatedDate.Kind | Should -Be 'Utc'
    }

    It 'the about help''s ISO 8601 recipe writes the same columns once each, with ISO UTC dates that read back exactly' {
        $about = (Get-Help about_PartnerReferrals | Out-String) -split "`r?`n"
        $start = [array]::FindIndex($about, [Predicate[string]] { param($l) $l -match '^\s+\$columns = foreach' })
        $end = [array]::FindIndex($about, [Predicate[string]] { param($l) $l -match 'Select-Object -Property \$columns \| Export-Csv' })
        $start | Should -BeGreaterOrEqual 0
        $end | Should -BeGreaterThan $start
        $recipe = $about[$start..$end] -join "`n"
        Push-Location $TestDrive
        try {
            . ([scriptblock]::Create($recipe))
            $header = (Get-Content -Path ./referrals.csv -TotalCount 1) -replace '"', '' -split ','
            $header | Should -Be ([PartnerReferrals.Models.Referral]::new().PSObject.Properties.Name)
            $rows = @(Import-Csv -Path ./referrals.csv)
            $rows.Count | Should -Be $script:All.Count
            $rows[0].CreatedDate | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$'
            [datetime]::Parse($rows[0].CreatedDate, [cultureinfo]::InvariantCulture, 'RoundtripKind') | Should -Be $script:All[0].CreatedDate
            $missing = $script:All | Where-Object { $null -eq $_.WonDate } | Select-Object -First 1
            ($rows | Where-Object Id -EQ $missing.Id).WonDate | Should -BeNullOrEmpty
        }
        finally {
            Pop-Location
        }
    }
}

# That every example of Get-Help -Examples works as written is tested in Examples.Tests.ps1, with the README's and
# about_PartnerReferrals' examples, against the data the README tells the reader to start.
