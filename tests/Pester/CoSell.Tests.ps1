#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Get-PartnerCoSellReferral and the co-sell side of the session (issue 20 items 1, 4, 6), through the packaged module.
# The refusals need no server: they happen before any request. The CSV and view checks use referrals built here.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force

    # An unsigned JWT for an audience, valid for an hour: -AccessToken reads its claims, the API would check it.
    function New-TestAccessToken([string] $Audience) {
        $exp = [DateTimeOffset]::UtcNow.AddHours(1).ToUnixTimeSeconds()
        $json = '{"aud":"' + $Audience + '","exp":' + $exp + ',"upn":"ana@contoso.example","tid":"11111111-2222-3333-4444-555555555555"}'
        $payload = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        ConvertTo-SecureString -AsPlainText -Force "eyJhbGciOiJub25lIn0.$payload.x"
    }

    function New-CoSellList([type] $Type, [object[]] $Items) {
        $typed = [Activator]::CreateInstance([System.Collections.Generic.List`1].MakeGenericType($Type))
        foreach ($item in $Items) { $typed.Add($item) }
        [Activator]::CreateInstance([PartnerReferrals.Models.CoSellList`1].MakeGenericType($Type), @(, $typed))
    }

    function New-TestCoSellReferral([int] $Number) {
        $referral = [PartnerReferrals.Models.CoSellReferral]::new()
        $referral.Id = [guid]::new("3f0c9a52-6b1e-4d7a-9a0e-2c8f5d1b7e$('{0:d2}' -f $Number)").ToString()
        $referral.Name = "Northwind data platform refresh $Number"
        $referral.Status = 'New'; $referral.Substatus = 'Pending'; $referral.StatusReason = 'Waiting, "soon"; maybe'
        $referral.Direction = 'Incoming'; $referral.Type = 'Shared'; $referral.Qualification = 'SalesQualified'
        $referral.CustomerName = 'Northwind Traders, Ltd.'; $referral.CustomerCountry = 'US'; $referral.CustomerSize = '251to1000employees'
        $referral.DealValue = 120000.5; $referral.Currency = 'USD'; $referral.CloseDate = [datetime]::new(2026, 9, 30, 0, 0, 0, [DateTimeKind]::Utc)
        $referral.SalesStage = 'Qualify'
        $referral.CreatedDateTime = [datetime]::new(2026, 5, 4, 9, 12, 33, [DateTimeKind]::Utc); $referral.UpdatedDateTime = [datetime]::new(2026, 5, 5, 10, 0, 0, [DateTimeKind]::Utc)
        $referral.ExpirationDateTime = [datetime]::new(2026, 5, 18, 9, 12, 33, [DateTimeKind]::Utc)
        $referral.Team = 'sam.reed@contoso.example; kim@contoso.example'
        $referral.ETag = '"7a00c1d2-0000-0800-0000-66f0a1b20000"'
        $address = [PartnerReferrals.Models.CoSellAddress]@{ AddressLine1 = '1 Main Street'; City = 'Seattle'; State = 'WA'; PostalCode = '98101'; Country = 'US' }
        $contact = [PartnerReferrals.Models.CoSellMember]@{ FirstName = 'Ana'; LastName = 'Lopez'; Email = 'ana.lopez@northwind.example' }
        $customer = [PartnerReferrals.Models.CoSellCustomer]@{ Name = 'Northwind Traders, Ltd.'; Size = '251to1000employees'; Address = $address }
        $customer.Contacts = New-CoSellList ([PartnerReferrals.Models.CoSellMember]) @($contact)
        $referral.Customer = $customer
        $referral.TeamMembers = New-CoSellList ([PartnerReferrals.Models.CoSellMember]) @([PartnerReferrals.Models.CoSellMember]@{ FirstName = 'Sam'; LastName = 'Reed'; Email = 'sam.reed@contoso.example' })
        $requirements = [PartnerReferrals.Models.CoSellRequirements]::new()
        $requirements.Industries = New-CoSellList ([string]) @('Manufacturing')
        $requirements.Products = New-CoSellList ([string]) @('Azure', 'SQL')
        $referral.Requirements = $requirements
        $referral.Targets = New-CoSellList ([PartnerReferrals.Models.CoSellTarget]) @([PartnerReferrals.Models.CoSellTarget]@{ Type = 'SolutionProfile'; Id = 'SOL-12345-ABC' })
        $referral.InviteContext = [PartnerReferrals.Models.CoSellInviteContext]@{ InvitedByOrganizationId = 'msft'; InvitedByOrganizationName = 'Microsoft'; AssistanceRequestCode = 'GeneralOrOther' }
        $referral.Consent = [PartnerReferrals.Models.CoSellConsent]@{ ShareInfoWithOthers = $true; Contact = $true; ShareWithMicrosoftSellers = $false }
        $referral
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Sign-in for the Referrals API' {
    AfterEach { Disconnect-PartnerReferrals -ErrorAction SilentlyContinue }

    It 'refuses co-sell at once in a cloud without the Referrals API, naming the public cloud' {
        Connect-PartnerReferrals -Environment USGov -AccessToken (New-TestAccessToken 'https://api.partnercenter.microsoft.com') -ErrorAction Stop | Out-Null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { Get-PartnerCoSellReferral -ErrorAction Stop } | Should -Throw -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.CoSell.NotOffered*'
        $err.Exception.Message | Should -Match 'USGov'
        $err.Exception.Message | Should -Match 'public cloud'
        $err.ErrorDetails.RecommendedAction | Should -Match '-Environment Global'
    }

    It 'an -AccessToken for the analytics API names the audience the Referrals API needs' {
        Connect-PartnerReferrals -Environment Global -AccessToken (New-TestAccessToken 'https://api.partnercenter.microsoft.com') -ErrorAction Stop | Out-Null
        $err = { Get-PartnerCoSellReferral -Status New -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.MissingAudience*'
        $err.Exception.Message | Should -Match ([regex]::Escape('https://api.partner.microsoft.com'))
        $err.Exception.Message | Should -Not -Match 'eyJ'
    }

    It 'an -AccessToken for the Referrals API names the audience the analytics cmdlets need' {
        Connect-PartnerReferrals -Environment Global -AccessToken (New-TestAccessToken 'https://api.partner.microsoft.com') -ErrorAction Stop | Out-Null
        $err = { Get-PartnerReferral -First 1 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.MissingAudience*'
        $err.Exception.Message | Should -Match ([regex]::Escape('https://api.partnercenter.microsoft.com'))
    }
}

Describe 'Get-PartnerCoSellReferral parameters' {
    It 'rejects a status the API does not have before any request' {
        { Get-PartnerCoSellReferral -Status Open -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It '-<Name> accepts the engine''s list, the values Update-PartnerCoSellReferral completes (an attribute must spell them out)' -ForEach @(
        @{ Name = 'Status'; SetOnlyByService = @() }
        @{ Name = 'Substatus'; SetOnlyByService = @('Expired') }
    ) {
        $validateSet = (Get-Command Get-PartnerCoSellReferral).Parameters[$Name].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $line = "Update-PartnerCoSellReferral -$Name "
        $completed = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completed | Should -Not -BeNullOrEmpty
        @($validateSet.ValidValues | Where-Object { $_ -notin $SetOnlyByService }) | Should -Be $completed
    }

    It 'takes -Id from the pipeline by property name' {
        $parameter = (Get-Command Get-PartnerCoSellReferral).Parameters['Id']
        $parameter.ParameterSets['Id'].ValueFromPipelineByPropertyName | Should -BeTrue
        (Get-Command Get-PartnerCoSellReferral).OutputType.Name | Should -Contain 'PartnerReferrals.Models.CoSellReferral'
    }
}

Describe 'Co-sell referrals in CSV and on screen' {
    BeforeAll {
        $script:Referrals = 1..3 | ForEach-Object { New-TestCoSellReferral $_ }
    }

    It 'Export-Csv writes a readable value in every cell and Import-Csv reads them back' {
        $path = Join-Path $TestDrive 'cosell.csv'
        $script:Referrals | Export-Csv -Path $path -NoTypeInformation
        $rows = @(Import-Csv -Path $path)
        $rows.Count | Should -Be 3
        foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties) {
                $cell.Value | Should -Not -Match 'PartnerReferrals\.Models|System\.|\[\]' -Because "the $($cell.Name) cell is a value, not a type name"
            }
        }

        $first = $rows[0]; $original = $script:Referrals[0]
        $first.Id | Should -Be $original.Id
        $first.StatusReason | Should -Be 'Waiting, "soon"; maybe'
        $first.CustomerName | Should -Be 'Northwind Traders, Ltd.'
        [decimal]::Parse($first.DealValue, [cultureinfo]::InvariantCulture) | Should -Be 120000.5
        $first.Team | Should -Be 'sam.reed@contoso.example; kim@contoso.example'
        $first.ETag | Should -Be '"7a00c1d2-0000-0800-0000-66f0a1b20000"'
        $first.Customer | Should -Be 'Northwind Traders, Ltd.'
        $first.TeamMembers | Should -Be 'Sam Reed <sam.reed@contoso.example>'
        $first.Requirements | Should -Be 'Industries: Manufacturing | Products: Azure; SQL'
        $first.Targets | Should -Be 'SolutionProfile:SOL-12345-ABC'
        $first.InviteContext | Should -Be 'Microsoft'
        ([datetime]$first.CreatedDateTime).ToUniversalTime() | Should -Be $original.CreatedDateTime
    }

    It 'keeps the nested data reachable as objects' {
        $referral = $script:Referrals[0]
        $referral.Customer.Address.City | Should -Be 'Seattle'
        "$($referral.Customer.Address)" | Should -Be '1 Main Street, Seattle, WA 98101, US'
        $referral.Customer.Contacts[0].Email | Should -Be 'ana.lopez@northwind.example'
        $referral.Requirements.Products | Should -Be @('Azure', 'SQL')
        $referral.Targets[0].Id | Should -Be 'SOL-12345-ABC'
    }

    It 'the table fits <_> columns, one line a referral, with the customer name last' -ForEach @(80, 120) {
        $width = $_
        $lines = @(($script:Referrals | Out-String -Width $width) -split "`r?`n" | Where-Object { $_ -match '\S' })
        $lines[0] | Should -Match '^Id\s+Status\s+Substatus\s+Direction\s+Country\s+DealValue\s+Created\s+CustomerName'
        $lines.Count | Should -Be 5
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $width }
        $lines[2] | Should -Match 'New\s+Pending\s+Incoming\s+US\s+120,001\s+2026-05-04\s+Northwind'
        if ($width -ge 120) { $lines[2] | Should -Match 'Northwind Traders, Ltd\.$' }
    }

    It 'the list view shows the everyday fields, the address and the team on one line each' {
        $text = $script:Referrals[0] | Format-List | Out-String -Width 120
        $text | Should -Match 'Substatus\s+: Pending'
        $text | Should -Match 'Customer\s+: Northwind Traders, Ltd\.'
        $text | Should -Match 'Team\s+: sam\.reed@contoso\.example; kim@contoso\.example'
        $text | Should -Match 'ETag\s+: "7a00c1d2'
        $text | Should -Not -Match 'PartnerReferrals\.Models'
    }
}
