#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# What an error says (issue 21 item 13): the problem in the message, the next step in the recommended action (each
# said once), worded for the situation the user is in.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 50
    $script:ClientId = [guid]::NewGuid().ToString()
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null

    # The error view as a person sees it: the message and, on its own line, the recommendation.
    function Get-Shown($ErrorRecord) { $ErrorRecord | Out-String -Width 400 }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'A refresh token the service refuses' {
    It 'says how a runbook gets a new one: one interactive sign-in with MFA, then the new token where the runbook reads it' {
        $err = Get-Failure {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -RefreshToken (ConvertTo-SecureString -AsPlainText -Force 'revoked-or-expired') -ClientId $script:ClientId -ErrorAction Stop
        }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.RefreshTokenExpired,*'
        $err.ErrorDetails.Message | Should -Match 'refresh token was refused'
        $err.ErrorDetails.RecommendedAction | Should -Match 'new refresh token'
        $err.ErrorDetails.RecommendedAction | Should -Match 'multi-factor'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-PartnerReferrals -UseDeviceCode'
        $err.ErrorDetails.RecommendedAction | Should -Not -Be 'Sign in again with Connect-PartnerReferrals.'
    }

    AfterAll {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }
}

Describe '-Filter in the API''s grammar: mistakes are refused before any request (the ids are not the service''s), saying what to write' {
    It 'an unquoted value says values are quoted: status eq ''Won''' {
        $err = Get-Failure { Get-PartnerReferral -Filter 'status eq Won' -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.UnknownField,*'
        $err.ErrorDetails.Message | Should -Match 'Won at position 11 is a value without quotes'
        $err.ErrorDetails.Message | Should -Not -Match 'not a referral field'
        $err.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("status eq 'Won'"))
    }

    It 'a misspelt word suggests the word of the grammar: andd suggests and' {
        $err = Get-Failure { Get-PartnerReferral -Filter "status eq 'Won' andd customerMarket eq 'US'" -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.UnknownField,*'
        $err.TargetObject | Should -Be 'andd'
        $err.ErrorDetails.RecommendedAction | Should -Match "Did you mean 'and'\?"
    }

    It 'a misspelt field suggests the field: stauts suggests status' {
        $err = Get-Failure { Get-PartnerReferral -Filter "stauts eq 'Won'" -ErrorAction Stop }
        $err.ErrorDetails.RecommendedAction | Should -Match "Did you mean 'status'\?"
    }

    It '<Filter> is refused locally as a grammar error, naming the operator to write' -ForEach @(
        @{ Filter = 'status == "Won"'; Word = 'eq' }
        @{ Filter = "status != 'Won'"; Word = 'ne' }
        @{ Filter = "createdDate >= '2024-01-01'"; Word = 'ge' }
        @{ Filter = "status eq 'Won' && customerMarket eq 'US'"; Word = 'and' }
    ) {
        $err = Get-Failure { Get-PartnerReferral -Filter $Filter -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.InvalidFilterSyntax,*'
        $err.ErrorDetails.Message | Should -Match "write $Word\b"
    }

    It 'text in double quotes is refused locally, saying strings go in single quotes' {
        $err = Get-Failure { Get-PartnerReferral -Filter 'status eq "Won"' -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.InvalidFilterSyntax,*'
        $err.ErrorDetails.Message | Should -Match 'single quotes'
    }
}

Describe 'Sign-in errors for the situation at hand' {
    It '-Environment Emulator without -ClientId says any GUID works, without the app registration recipe' {
        $saved = $env:PARTNERREFERRALS_CLIENT_ID
        $env:PARTNERREFERRALS_CLIENT_ID = $null
        try {
            $err = Get-Failure { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ErrorAction Stop }
        }
        finally {
            $env:PARTNERREFERRALS_CLIENT_ID = $saved
        }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.ClientIdMissing,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'any GUID'
        $err.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape('-ClientId ([guid]::NewGuid())'))
        Get-Shown $err | Should -Not -Match 'App registrations|user_impersonation|Entra'
    }

    It '-Environment China says why in the message and what instead in the recommendation, not the same thing twice' {
        $err = Get-Failure { Connect-PartnerReferrals -Environment China -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop }
        $err.ErrorDetails.Message | Should -Match '21Vianet'
        $err.ErrorDetails.RecommendedAction | Should -Match '-Environment Global'
        $err.ErrorDetails.Message | Should -Not -Match '-Environment Global'
        $err.ErrorDetails.RecommendedAction | Should -Not -Match 'referrals analytics'
    }

    AfterAll {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }
}

Describe 'Every error says the problem in its message and the next step once, on its own line' {
    It '<Name>' -ForEach @(
        @{ Name = 'a query error'; Run = { Get-PartnerReferralSummary -GroupBy colour -ErrorAction Stop } }
        @{ Name = 'a service error'; Run = { Get-PartnerReferral -Filter 'status eq 5' -ErrorAction Stop } }
        @{ Name = 'a sign-in error'; Run = { Connect-PartnerReferrals -Environment Custom -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } }
        @{ Name = 'a path error'; Run = { Export-PartnerReferral -Path (Join-Path $TestDrive 'none/x.csv') -ErrorAction Stop } }
    ) {
        $err = Get-Failure $Run
        $action = $err.ErrorDetails.RecommendedAction
        $action | Should -Not -BeNullOrEmpty
        $err.ErrorDetails.Message | Should -Not -Match ([regex]::Escape($action))
        # The exception alone (a log, a catch block) still has both, the advice after the problem.
        $err.Exception.Message.StartsWith($err.ErrorDetails.Message) | Should -BeTrue
        $err.Exception.Message.EndsWith($action) | Should -BeTrue
        ([regex]::Matches((Get-Shown $err), [regex]::Escape($action))).Count | Should -Be 1
    }
}
