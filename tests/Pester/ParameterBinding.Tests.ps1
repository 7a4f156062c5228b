#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Parameter binding as PowerShell does it for the module's cmdlets: positions, the aliases of Graph and Az, parameter
# sets, validation, values as text and pipeline input by property name, each checked by the rows that come back and
# by what the emulator received (its request log). Which parameters exist and in which sets is cmdlet metadata
# (CommandMetadataTests in xunit); what -Filter may say is QueryParameters.Tests.ps1's.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-binding-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 600 -ArgumentList '--request-log', $script:Log
    $script:ClientId = [guid]::NewGuid().ToString()
    $script:Tenant = (Get-Content -Raw $script:Emulator.PublishFile | ConvertFrom-Json).tenantId

    function Connect-Emulator {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    # The query strings (hashtables) of the requests $Command sent, oldest first; its output in $script:Output.
    function Get-Requests([scriptblock] $Command) {
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
        $script:Output = @(& $Command)
        # The comma keeps a list of one request a list: PowerShell would unroll it into the one hashtable.
        , @((Read-RequestLog $script:Log).Query)
    }

    Connect-Emulator
    $script:All = @(Get-PartnerReferral)
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Query parameters' {
    BeforeAll {
        Connect-Emulator
    }

    It 'binds -GroupBy at position 0' {
        $requests = Get-Requests { Get-PartnerReferralSummary status, customerMarket }
        $script:Output.Count | Should -Be @($script:All | ForEach-Object { "$($_.Status)|$($_.CustomerMarket)" } | Sort-Object -Unique).Count
        $requests.Count | Should -Be 1
        $requests[0].groupby | Should -Be 'status,customerMarket'
    }

    It 'sends every filter parameter to the service, and the rows that come back match them all' {
        $sample = $script:All | Where-Object { $_.CustomerName.Length -gt 4 -and $_.Status -ne 'Archived' } | Select-Object -First 1
        $part = $sample.CustomerName.Substring(1, 3).ToUpperInvariant()
        $after = $sample.CreatedDate.AddDays(-30)
        $before = $sample.CreatedDate.AddDays(30)
        $parameters = @{
            Status = $sample.Status, 'Lost'; CustomerMarket = $sample.CustomerMarket; PartnerMarket = $sample.PartnerMarket
            CustomerOrgSize = $sample.CustomerOrgSize; CustomerName = $part; DateField = 'createdDate'; After = $after; Before = $before
            Filter = "status ne 'Archived'"; PageSize = 7
        }

        $requests = Get-Requests { Get-PartnerReferral @parameters }

        $expected = @($script:All | Where-Object {
                $_.Status -in $sample.Status, 'Lost' -and $_.CustomerMarket -eq $sample.CustomerMarket -and $_.PartnerMarket -eq $sample.PartnerMarket -and
                $_.CustomerOrgSize -eq $sample.CustomerOrgSize -and $_.CustomerName -like "*$part*" -and $_.CreatedDate -ge $after -and $_.CreatedDate -lt $before -and
                $_.Status -ne 'Archived'
            })
        $script:Output.Id | Should -Contain $sample.Id
        $script:Output.Id | Should -Be $expected.Id
        $requests[0].top | Should -Be '7'
        foreach ($clause in "(status eq '$($sample.Status)' or status eq 'Lost')", "customerMarket eq '$($sample.CustomerMarket)'", "partnerMarket eq '$($sample.PartnerMarket)'",
            "customerOrgSize eq '$($sample.CustomerOrgSize)'", "contains(customerName,'$($part.Replace("'", "''"))')", 'createdDate', "(status ne 'Archived')") {
            $requests[0].filter.Contains($clause) | Should -BeTrue -Because "the filter '$($requests[0].filter)' has $clause"
        }
    }

    It 'doubles a quote in a value in the filter the service receives' {
        $requests = Get-Requests { Get-PartnerReferral -CustomerName "O'Brien" -Status "it's" -WarningAction SilentlyContinue }
        $script:Output | Should -BeNullOrEmpty
        $requests.Count | Should -Be 1
        $requests[0].filter | Should -BeExactly "status eq 'it''s' and contains(customerName,'O''Brien')"
    }

    It 'sends the summary''s grouping, level, filter and page size' {
        $requests = Get-Requests { Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Week -CustomerMarket US -PageSize 100 }
        $requests[0].groupby | Should -Be 'status,createdDate'
        $requests[0].aggregationLevel | Should -Be 'week'
        $requests[0].filter | Should -BeExactly "customerMarket eq 'US'"
        $requests[0].top | Should -Be '100'
    }

    It 'converts a date given as text and filters the rows by it' {
        $cut = $script:All[300].CreatedDate
        $rows = @(Get-PartnerReferral -DateField createdDate -After $cut.ToString('yyyy-MM-ddTHH:mm:ss', [cultureinfo]::InvariantCulture))
        $rows.Id | Should -Be @($script:All | Where-Object { $_.CreatedDate -ge $cut }).Id
    }

    It 'refuses <Line>, a value outside its range or set, naming -<Parameter>, and sends nothing' -ForEach @(
        @{ Line = 'Get-PartnerReferral -PageSize 0'; Parameter = 'PageSize' }
        @{ Line = 'Get-PartnerReferral -PageSize 10001'; Parameter = 'PageSize' }
        @{ Line = 'Get-PartnerReferralSummary -GroupBy status -AggregationLevel Year'; Parameter = 'AggregationLevel' }
        @{ Line = 'Connect-PartnerReferrals -Environment Mars -UseDeviceCode'; Parameter = 'Environment' }
        @{ Line = 'Connect-PartnerReferrals -ContextScope Machine -UseDeviceCode'; Parameter = 'ContextScope' }
    ) {
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
        $record = Get-Failure { & ([scriptblock]::Create("$Line -ErrorAction Stop")) }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $record.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $record.Exception.ParameterName | Should -Be $Parameter
        @(Read-RequestLog $script:Log).Count | Should -Be 0
    }

    It 'names -GroupBy when it is missing where no one can be asked for it' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$(Get-PackagedModulePath)'; Get-PartnerReferralSummary -Status Won")
            $output = $shell.Invoke()
            $errors = @($shell.Streams.Error)
        }
        finally {
            $shell.Dispose()
        }
        $output | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MissingMandatoryParameter,*'
        $errors[0].Exception.Message | Should -Match 'GroupBy'
    }
}

Describe 'Pipeline input by property name' {
    BeforeAll {
        Connect-Emulator
    }

    It 'runs one query per object with Status and CustomerMarket, ignoring its other properties' {
        $first = $script:All[0]
        $second = $script:All | Where-Object { $_.Status -ne $first.Status -and $_.CustomerMarket -ne $first.CustomerMarket } | Select-Object -First 1
        $requests = Get-Requests {
            @(
                [pscustomobject]@{ Status = $first.Status; CustomerMarket = $first.CustomerMarket; Colour = 'ignored' }
                [pscustomobject]@{ Status = $second.Status; CustomerMarket = $second.CustomerMarket }
            ) | Get-PartnerReferral
        }
        $expected = @($script:All | Where-Object { $_.Status -eq $first.Status -and $_.CustomerMarket -eq $first.CustomerMarket }) +
            @($script:All | Where-Object { $_.Status -eq $second.Status -and $_.CustomerMarket -eq $second.CustomerMarket })
        $script:Output.Id | Should -Be $expected.Id
        $filters = @($requests | ForEach-Object { $_.filter } | Select-Object -Unique)
        $filters.Count | Should -Be 2
        $filters[0] | Should -BeLike "*'$($first.Status)'*"
        $filters[0] | Should -BeLike "*'$($first.CustomerMarket)'*"
    }

    It 'finds, for a referral piped back in, the referrals of its status, markets and org size' {
        $sample = $script:All[0]
        $rows = @(Get-PartnerReferral -First 1 | Get-PartnerReferral)
        $rows.Id | Should -Be @($script:All | Where-Object {
                $_.Status -eq $sample.Status -and $_.CustomerMarket -eq $sample.CustomerMarket -and $_.PartnerMarket -eq $sample.PartnerMarket -and $_.CustomerOrgSize -eq $sample.CustomerOrgSize
            }).Id
    }
}

Describe 'Sign-in parameters' {
    AfterEach {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    }

    It 'binds <Parameters>, the sign-in aliases of Graph and Az, to the device code sign-in' -ForEach @(
        @{ Parameters = '-UseDeviceCode -ClientId $script:ClientId -TenantId $script:Tenant' }
        @{ Parameters = '-UseDeviceAuthentication -ApplicationId $script:ClientId -Tenant $script:Tenant' }
        @{ Parameters = '-DeviceCode -AppId $script:ClientId -Tenant $script:Tenant' }
        @{ Parameters = '-Device -AppId $script:ClientId -TenantId $script:Tenant' }
    ) {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        $context = & ([scriptblock]::Create("Connect-PartnerReferrals -Environment Emulator -EmulatorFile `$script:Emulator.PublishFile $Parameters -WarningAction SilentlyContinue"))
        $context.SignInMethod | Should -Be 'DeviceCode'
        $context.ClientId | Should -Be $script:ClientId
        $context.TenantId | Should -Be $script:Tenant
    }

    It 'takes the value sets in any case: -Environment emulator -ContextScope process' {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        $context = Connect-PartnerReferrals -Environment emulator -ContextScope process -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue
        $context.Environment | Should -Be 'Emulator'
        $context.ContextScope | Should -Be 'Process'
    }

    It 'selects the access token sign-in with -AccessToken, and the session uses that token' {
        $token = Get-EmulatorAccessToken $script:Emulator $script:ClientId

        $context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -AccessToken (ConvertTo-SecureString -AsPlainText -Force $token)

        $context.SignInMethod | Should -Be 'AccessToken'
        @(Get-PartnerReferral -First 3).Count | Should -Be 3
    }

    It 'refuses two sign-in methods at once (<Parameters>) before anything is sent' -ForEach @(
        @{ Parameters = '-RefreshToken $secure -AccessToken $secure' }
        @{ Parameters = '-UseDeviceCode -AccessToken $secure' }
        @{ Parameters = '-UseDeviceCode -RefreshToken $secure' }
        @{ Parameters = '-AccessToken $secure -ClientSecretCredential ([pscredential]::new($script:ClientId, $secure))' }
    ) {
        $secure = ConvertTo-SecureString -String 'not-a-token' -AsPlainText -Force
        $record = Get-Failure { & ([scriptblock]::Create("Connect-PartnerReferrals -Environment Emulator -EmulatorFile `$script:Emulator.PublishFile $Parameters -ErrorAction Stop")) }
        $record.FullyQualifiedErrorId | Should -Be 'AmbiguousParameterSet,PartnerReferrals.Commands.ConnectPartnerReferralsCommand'
        $record.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        Get-PartnerReferralsContext | Should -BeNullOrEmpty
    }

    It 'ends with an authentication error that shows no token when the service rejects the refresh token' {
        $refresh = '0.refresh-token-the-emulator-never-issued'
        $app = [pscredential]::new($script:ClientId, (ConvertTo-SecureString -String 'emulator-client-secret' -AsPlainText -Force))
        $record = Get-Failure { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -RefreshToken (ConvertTo-SecureString -String $refresh -AsPlainText -Force) -ClientSecretCredential $app -ErrorAction Stop }
        $record.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        foreach ($text in ($record | Out-String -Width 500), ($record | Format-List * -Force | Out-String -Width 500), $record.Exception.Message, "$($record.ErrorDetails.RecommendedAction)") {
            $text.Contains($refresh) | Should -BeFalse
        }
        Get-PartnerReferralsContext | Should -BeNullOrEmpty
    }
}
