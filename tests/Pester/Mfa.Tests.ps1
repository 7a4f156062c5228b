#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Partner Center's MFA enforcement (issue 18 item 4): a sign-in without MFA warns at Connect, and the API's refusal
# for it is PartnerReferrals.Auth.MfaRequired with the way out, not a generic 401.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:ClientId = [guid]::NewGuid().ToString()

    function Connect-Emulator($Emulator) {
        $warnings = @()
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        # The device code message is a warning too: keep only the others.
        @($warnings | ForEach-Object { "$_" } | Where-Object { $_ -notmatch 'devicelogin|device code|enter the code' })
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'A sign-in with MFA (the emulator default)' {
    BeforeAll { $script:Emulator = Start-TestEmulator -Referrals 5 }
    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'connects without an MFA warning' {
        $warnings = Connect-Emulator $script:Emulator
        $warnings | Where-Object { $_ -match 'multi-factor|2026-04-01' } | Should -BeNullOrEmpty
    }
}

Describe 'A sign-in without MFA' {
    BeforeAll { $script:Emulator = Start-TestEmulator -Referrals 5 -ArgumentList '--no-mfa' }
    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'warns at Connect, naming the 2026-04-01 enforcement and what to do' {
        $warnings = Connect-Emulator $script:Emulator
        $mfa = @($warnings | Where-Object { $_ -match '2026-04-01' })
        $mfa.Count | Should -Be 1
        $mfa[0] | Should -Match 'multi-factor'
        $mfa[0] | Should -Match 'refresh token'
    }
}

Describe 'An API that requires MFA, called after a sign-in without it' {
    BeforeAll { $script:Emulator = Start-TestEmulator -Referrals 5 -ArgumentList '--no-mfa', '--require-mfa' }
    AfterAll { Stop-TestEmulator $script:Emulator }

    It 'fails Get-PartnerReferral with PartnerReferrals.Auth.MfaRequired and the advice' {
        Connect-Emulator $script:Emulator | Out-Null
        $err = try { Get-PartnerReferral -ErrorAction Stop | Out-Null; $null } catch { $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.MfaRequired*'
        $err.Exception.Message | Should -Match '2026-04-01'
        $err.ErrorDetails.RecommendedAction | Should -Match 'multi-factor'
    }

    It 'fails <Name> on the Referrals API the same way' -ForEach @(
        @{ Name = 'Get-PartnerCoSellReferral'; Run = { Get-PartnerCoSellReferral -First 1 -ErrorAction Stop } }
        @{ Name = 'Update-PartnerCoSellReferral -Id (which reads the referral first)'; Run = { Update-PartnerCoSellReferral -Id ([guid]::NewGuid()) -DealValue 1000 -Confirm:$false -ErrorAction Stop } }
        @{ Name = 'Update-PartnerCoSellReferral of a row with its ETag (a PATCH at once)'; Run = {
                [pscustomobject] @{ Id = [guid]::NewGuid().ToString(); ETag = 'W/"1"' } | Update-PartnerCoSellReferral -DealValue 1000 -Confirm:$false -ErrorAction Stop
            }
        }
        @{ Name = 'New-PartnerCoSellReferral'; Run = {
                New-PartnerCoSellReferral -Name 'Fabrikam renewal' -CustomerName 'Fabrikam' -CustomerCountry US -DealValue 1000 -Currency USD -CloseDate (Get-Date).AddDays(30) -Confirm:$false -ErrorAction Stop
            }
        }
    ) {
        Connect-Emulator $script:Emulator | Out-Null
        $err = Get-Failure $Run
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.MfaRequired,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'multi-factor'
    }
}
