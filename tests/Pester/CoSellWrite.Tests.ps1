#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Issue 20 items 2 and 3, in real PowerShell against the packaged module and the emulator's Referrals API:
# Update-PartnerCoSellReferral accepts, declines, wins and loses referrals with one JSON Patch each, sent with the
# If-Match of the referral as the caller saw it (a change made since survives, and the user sees CoSell.Conflict);
# forbidden moves, -WhatIf and declined prompts send nothing; New-PartnerCoSellReferral checks its values before the
# one request and creates private deals unless told to share. Every request is read back from the emulator's log.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Manifest = Get-PackagedModulePath
    Import-Module $script:Manifest -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-cosellwrite-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 50 -ArgumentList '--cosell-referrals', '300', '--request-log', $script:Log
    $script:ClientId = [guid]::NewGuid().ToString()
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null

    # The emulator's request log: received, ms, status, path, method, If-Match, Prefer (tab-separated), one line a request.
    function Get-LogLines { if (Test-Path -LiteralPath $script:Log) { @(Get-Content -LiteralPath $script:Log) } else { @() } }
    function Get-Writes([int] $Since) { @(Get-LogLines | Select-Object -Skip $Since | Where-Object { $_ -match '\t(PATCH|POST)\t' }) }
    function Get-Field([string] $Line, [int] $Column) { ($Line -split "`t")[$Column] }

    # Referrals nobody else in this file touches: each test takes its own from the emulator's data.
    $script:Taken = [System.Collections.Generic.HashSet[string]]::new()
    function Get-Untouched([string] $Status, [string] $Direction, [int] $Count = 1) {
        $found = @(Get-PartnerCoSellReferral -Status $Status -Direction $Direction | Where-Object { $script:Taken.Add($_.Id) } | Select-Object -First $Count)
        $found.Count | Should -Be $Count -Because "the emulator's data has $Count untouched $Direction $Status referrals"
        $found
    }

    # A fresh `pwsh -NonInteractive`, as a runbook runs, signed in to the test's emulator; its output as text.
    function Invoke-NonInteractive([string] $Script) {
        $pwsh = Get-PowerShellCommand
        $prelude = "Import-Module '$($script:Manifest)'; " +
            "Connect-PartnerReferrals -Environment Emulator -EmulatorFile '$($script:Emulator.PublishFile)' -UseDeviceCode -ClientId $($script:ClientId) -WarningAction SilentlyContinue | Out-Null; "
        $output = & $pwsh.FilePath @($pwsh.ArgumentList) -NoProfile -NonInteractive -Command ($prelude + $Script) 2>&1
        ($output | Out-String -Width 400)
    }

    $script:NewReferral = @{ Name = 'Pester deal'; CustomerName = 'Northwind Traders'; CustomerCountry = 'US'; DealValue = 1000; Currency = 'USD'; CloseDate = [datetime] '2027-06-30' }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Update-PartnerCoSellReferral: the four actions' {
    It 'accepts an incoming New referral: Active/Accepted, with a new eTag' {
        $referral = Get-Untouched New Incoming
        $updated = $referral | Update-PartnerCoSellReferral -Status Active -Confirm:$false -PassThru
        $updated.Status | Should -Be 'Active'
        $updated.Substatus | Should -Be 'Accepted'
        $updated.ETag | Should -Not -Be $referral.ETag
        (Get-PartnerCoSellReferral -Id $referral.Id).Status | Should -Be 'Active'
    }

    It 'declines an incoming New referral with a reason' {
        $referral = Get-Untouched New Incoming
        $referral | Update-PartnerCoSellReferral -Status Closed -Substatus Declined -StatusReason 'Outside our area' -Confirm:$false
        $now = Get-PartnerCoSellReferral -Id $referral.Id
        $now.Status, $now.Substatus, $now.StatusReason | Should -Be 'Closed', 'Declined', 'Outside our area'
    }

    It 'wins an Active referral given by -Id, with -Substatus alone' {
        $referral = Get-Untouched Active Outgoing
        Update-PartnerCoSellReferral -Id $referral.Id -Substatus Won -DealValue 135000 -Confirm:$false
        $now = Get-PartnerCoSellReferral -Id $referral.Id
        $now.Status, $now.Substatus, $now.DealValue | Should -Be 'Closed', 'Won', 135000
    }

    It 'loses an Active referral with a reason' {
        $referral = Get-Untouched Active Incoming
        $referral | Update-PartnerCoSellReferral -Status Closed -Substatus Lost -StatusReason 'Chose a competitor' -Confirm:$false
        $now = Get-PartnerCoSellReferral -Id $referral.Id
        $now.Status, $now.Substatus, $now.StatusReason | Should -Be 'Closed', 'Lost', 'Chose a competitor'
    }
}

Describe 'Update-PartnerCoSellReferral: what reaches the service' {
    It 'sends one PATCH with the piped referral''s eTag in If-Match and the changes as replace/add operations' {
        $referral = Get-Untouched Active Outgoing
        $since = @(Get-LogLines).Count
        $referral | Update-PartnerCoSellReferral -DealValue 4242 -SalesStage Propose -AddTeamMember 'pester.member@contoso.example'
        $writes = @(Get-Writes $since)
        $writes.Count | Should -Be 1
        Get-Field $writes[0] 3 | Should -Be "/v1.0/engagements/referrals/$($referral.Id)"
        Get-Field $writes[0] 5 | Should -Be $referral.ETag
        $now = Get-PartnerCoSellReferral -Id $referral.Id
        $now.DealValue, $now.SalesStage | Should -Be 4242, 'Propose'
        $now.TeamMembers.Email | Should -Contain 'pester.member@contoso.example'
    }

    It 'reads a referral given by -Id just before, and sends the eTag it read' {
        $referral = Get-Untouched Active Outgoing
        $since = @(Get-LogLines).Count
        Update-PartnerCoSellReferral -Id $referral.Id -CloseDate 2027-01-15
        $lines = @(Get-LogLines | Select-Object -Skip $since)
        Get-Field $lines[0] 4 | Should -Be 'GET'
        Get-Field $lines[0] 3 | Should -Be "/v1.0/engagements/referrals/$($referral.Id)"
        Get-Field $lines[1] 4 | Should -Be 'PATCH'
        Get-Field $lines[1] 5 | Should -Be $referral.ETag
        (Get-PartnerCoSellReferral -Id $referral.Id).CloseDate | Should -Be ([datetime] '2027-01-15')
    }
}

Describe 'Update-PartnerCoSellReferral never overwrites a change made since the referral was read' {
    It 'a concurrent change survives, and the stale update ends with CoSell.Conflict naming the referral' {
        $seen = Get-Untouched Active Outgoing
        # Another client changes the referral between our read and our update.
        Update-PartnerCoSellReferral -Id $seen.Id -DealValue 111
        $since = @(Get-LogLines).Count

        $seen | Update-PartnerCoSellReferral -DealValue 222 -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.CoSell.Conflict,*'
        $failed[0].Exception.Message | Should -Match $seen.Id
        $failed[0].ErrorDetails.RecommendedAction | Should -Match "Get-PartnerCoSellReferral -Id $($seen.Id)"
        Get-Field @(Get-Writes $since)[0] 2 | Should -Be '412'
        (Get-PartnerCoSellReferral -Id $seen.Id).DealValue | Should -Be 111
    }
}

Describe 'Update-PartnerCoSellReferral refuses what the documents forbid, before any request' {
    It 'a Closed referral back to Active: refused naming -Status and the referral, nothing sent, the next input goes on' {
        $closed = Get-PartnerCoSellReferral -Status Closed -First 1
        $active = Get-Untouched Active Incoming
        $since = @(Get-LogLines).Count

        $closed, $active | Update-PartnerCoSellReferral -Status Closed -Substatus Won -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.CoSell.ForbiddenTransition,*'
        $failed[0].Exception.Message | Should -Match '-Status'
        $failed[0].TargetObject | Should -Be $closed.Id
        $writes = @(Get-Writes $since)
        $writes.Count | Should -Be 1
        $writes[0] | Should -Match $active.Id
        (Get-PartnerCoSellReferral -Id $active.Id).Substatus | Should -Be 'Won'
    }

    It 'a substatus of another status ends the command naming -Substatus, with no request at all' {
        $referral = Get-PartnerCoSellReferral -Status Active -First 1
        $since = @(Get-LogLines).Count
        { $referral | Update-PartnerCoSellReferral -Status Active -Substatus Won -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PartnerReferrals.CoSell.SubstatusNotOfStatus,*'
        $Error[0].Exception.Message | Should -Match '-Substatus Won does not belong to -Status Active'
        @(Get-LogLines).Count | Should -Be $since
    }

    It '-Status Won, a substatus given as the status, says to give -Substatus Won, with no request at all' {
        $referral = Get-PartnerCoSellReferral -Status Active -First 1
        $since = @(Get-LogLines).Count
        $err = Get-Failure { $referral | Update-PartnerCoSellReferral -Status Won -Confirm:$false -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.CoSell.UnknownValue,*'
        $err.Exception.Message | Should -Match "-Status: 'Won' is a substatus of Closed"
        $err.ErrorDetails.RecommendedAction | Should -Match '-Substatus Won'
        @(Get-LogLines).Count | Should -Be $since
    }

    It 'an id that does not exist is one failing input; the ids after it are updated' {
        $referral = Get-Untouched Active Outgoing
        Update-PartnerCoSellReferral -Id ([guid]::NewGuid()), $referral.Id -DealValue 999 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        (Get-PartnerCoSellReferral -Id $referral.Id).DealValue | Should -Be 999
    }
}

Describe 'Update-PartnerCoSellReferral -WhatIf, -Confirm and -PassThru' {
    It '-WhatIf sends nothing for piped referrals and changes nothing' {
        $referral = Get-Untouched New Incoming
        $since = @(Get-LogLines).Count
        $referral | Update-PartnerCoSellReferral -Status Active -WhatIf
        @(Get-LogLines).Count | Should -Be $since
        (Get-PartnerCoSellReferral -Id $referral.Id).Status | Should -Be 'New'
    }

    It 'declares ConfirmImpact High' {
        (Get-Command Update-PartnerCoSellReferral).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'in pwsh -NonInteractive a status change without -Confirm:$false ends with ConfirmationNeeded and sends nothing' {
        $referral = Get-Untouched New Incoming
        $since = @(Get-Writes 0).Count
        $said = Invoke-NonInteractive "try { Update-PartnerCoSellReferral -Id $($referral.Id) -Status Active -ErrorAction Stop } catch { 'caught: ' + `$_.FullyQualifiedErrorId + ' ' + `$_.ErrorDetails.RecommendedAction }"
        $said | Should -Match 'caught: PartnerReferrals\.CoSell\.ConfirmationNeeded'
        $said | Should -Match '-Confirm:\$false'
        @(Get-Writes 0).Count | Should -Be $since
        (Get-PartnerCoSellReferral -Id $referral.Id).Status | Should -Be 'New'
    }

    It 'in pwsh -NonInteractive a deal value change (Medium impact) goes through without a prompt, and asks when $ConfirmPreference is Medium' {
        $referral = Get-Untouched Active Outgoing
        $said = Invoke-NonInteractive "Update-PartnerCoSellReferral -Id $($referral.Id) -DealValue 777 -PassThru | ForEach-Object { 'value: ' + `$_.DealValue }"
        $said | Should -Match 'value: 777'
        $said = Invoke-NonInteractive "`$ConfirmPreference = 'Medium'; try { Update-PartnerCoSellReferral -Id $($referral.Id) -DealValue 778 -ErrorAction Stop } catch { 'caught: ' + `$_.FullyQualifiedErrorId }"
        $said | Should -Match 'caught: PartnerReferrals\.CoSell\.ConfirmationNeeded'
        (Get-PartnerCoSellReferral -Id $referral.Id).DealValue | Should -Be 777
    }

    It 'with -Confirm:$false in pwsh -NonInteractive the status changes' {
        $referral = Get-Untouched New Incoming
        $said = Invoke-NonInteractive "Update-PartnerCoSellReferral -Id $($referral.Id) -Status Active -Confirm:`$false -PassThru | ForEach-Object { 'now: ' + `$_.Status }"
        $said | Should -Match 'now: Active'
    }

    It '-PassThru writes the referral as the service now has it, asked for with Prefer: return=representation; without it nothing' {
        $referral = Get-Untouched Active Outgoing
        $none = @($referral | Update-PartnerCoSellReferral -DealValue 5150)
        $none.Count | Should -Be 0
        $after = Get-PartnerCoSellReferral -Id $referral.Id
        $since = @(Get-LogLines).Count
        $written = $after | Update-PartnerCoSellReferral -DealValue 5151 -PassThru
        $written | Should -BeOfType ([PartnerReferrals.Models.CoSellReferral])
        $written.DealValue | Should -Be 5151
        $written.ETag | Should -Be (Get-PartnerCoSellReferral -Id $referral.Id).ETag
        $write = @(Get-Writes $since)[0]
        Get-Field $write 6 | Should -Be 'return=representation'
        Get-Field $write 2 | Should -Be '200'
        @(Get-LogLines).Count | Should -Be ($since + 2) -Because 'the PATCH answered with the referral, and the check above read it once more'
    }
}

Describe 'New-PartnerCoSellReferral' {
    It 'creates a private outgoing referral and writes it as created' {
        $created = New-PartnerCoSellReferral @script:NewReferral -ExternalReferenceId 'PESTER-1'
        $created | Should -BeOfType ([PartnerReferrals.Models.CoSellReferral])
        $created.Id | Should -Not -BeNullOrEmpty
        $created.Direction | Should -Be 'Outgoing'
        $created.Status | Should -Be 'Active'
        $created.Name | Should -Be 'Pester deal'
        $created.Consent.ShareWithMicrosoftSellers | Should -BeFalse
        (Get-PartnerCoSellReferral -Id $created.Id).Name | Should -Be 'Pester deal'
    }

    It 'shares with Microsoft only with -ShareWithMicrosoft, and records the customer''s consent only with -CustomerConsent' {
        $shared = New-PartnerCoSellReferral @script:NewReferral -ShareWithMicrosoft
        $shared.Consent.ShareWithMicrosoftSellers | Should -BeTrue
        $shared.Consent.Contact | Should -BeFalse
        $consented = New-PartnerCoSellReferral @script:NewReferral -CustomerConsent -ShareWithMicrosoft -CustomerContact @{ Email = 'ana@northwind.example'; FirstName = 'Ana' }
        $consented.Consent.Contact | Should -BeTrue
    }

    It 'refuses <Case> before any request, naming -<Parameter>' -ForEach @(
        @{ Case = 'a three-letter country'; Change = @{ CustomerCountry = 'USA' }; Id = 'NotACountryCode'; Parameter = 'CustomerCountry' }
        @{ Case = 'a currency that is no code'; Change = @{ Currency = 'Dollars' }; Id = 'NotACurrencyCode'; Parameter = 'Currency' }
        @{ Case = 'a negative deal value'; Change = @{ DealValue = -1 }; Id = 'NegativeDealValue'; Parameter = 'DealValue' }
        @{ Case = 'an unknown customer size'; Change = @{ CustomerSize = 'huge' }; Id = 'UnknownValue'; Parameter = 'CustomerSize' }
        @{ Case = 'help asked of Microsoft without sharing'; Change = @{ HelpNeeded = 'ProofOfConceptOrDemo' }; Id = 'SharingNeeded'; Parameter = 'ShareWithMicrosoft' }
        @{ Case = 'contacts shared without the customer''s consent'; Change = @{ ShareWithMicrosoft = $true; CustomerContact = 'ana@northwind.example' }; Id = 'ConsentNeeded'; Parameter = 'CustomerConsent' }
        @{ Case = 'a team member who is no e-mail'; Change = @{ TeamMember = 'Sam Reed' }; Id = 'NotAnEmail'; Parameter = 'TeamMember' }
    ) {
        $parameters = @{} + $script:NewReferral
        foreach ($name in $Change.Keys) { $parameters[$name] = $Change[$name] }
        $since = @(Get-LogLines).Count
        { New-PartnerCoSellReferral @parameters -ErrorAction Stop } | Should -Throw -ErrorId "PartnerReferrals.CoSell.$Id,*"
        "$($Error[0].Exception.Message) $($Error[0].ErrorDetails.RecommendedAction)" | Should -Match "-$Parameter\b"
        @(Get-LogLines).Count | Should -Be $since
    }

    It '-WhatIf sends nothing' {
        $since = @(Get-LogLines).Count
        New-PartnerCoSellReferral @script:NewReferral -WhatIf | Should -BeNullOrEmpty
        @(Get-LogLines).Count | Should -Be $since
    }
}

Describe 'A Referrals User may read but not write' {
    BeforeAll {
        $script:UserEmulator = Start-TestEmulator -Referrals 10 -ArgumentList '--cosell-role', 'User'
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:UserEmulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    AfterAll {
        Stop-TestEmulator $script:UserEmulator
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    It 'an update ends with a permission error that names the Referrals admin role, and the referral is unchanged' {
        $referral = Get-PartnerCoSellReferral -Status Active -First 1
        { $referral | Update-PartnerCoSellReferral -DealValue 1 -ErrorAction Stop } | Should -Throw
        $Error[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        "$($Error[0].Exception.Message) $($Error[0].ErrorDetails.RecommendedAction)" | Should -Match 'Referrals admin'
        (Get-PartnerCoSellReferral -Id $referral.Id).DealValue | Should -Be $referral.DealValue
    }

    It 'a create ends with the same permission error' {
        { New-PartnerCoSellReferral @script:NewReferral -ErrorAction Stop } | Should -Throw
        $Error[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

Describe 'Writes are never repeated where a repeat could do them twice' {
    BeforeAll {
        # Same seed and count as the main emulator: the same referrals, here behind a gateway that drops every connection.
        $script:DropLog = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-coselldrop-{0}.log" -f [guid]::NewGuid())
        $script:Referral = Get-PartnerCoSellReferral -Status Active -Direction Outgoing -First 1
        $script:DropEmulator = Start-TestEmulator -Referrals 50 -ArgumentList '--cosell-referrals', '300', '--drop', '1', '--request-log', $script:DropLog
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:DropEmulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    AfterAll {
        Stop-TestEmulator $script:DropEmulator
        Remove-Item -LiteralPath $script:DropLog -ErrorAction SilentlyContinue
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    It 'a create whose connection drops is sent once and ends with OutcomeUnknown' {
        { New-PartnerCoSellReferral @script:NewReferral -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.CoSell.OutcomeUnknown,*'
        @(Get-Content -LiteralPath $script:DropLog | Where-Object { $_ -match '\tPOST\t' }).Count | Should -Be 1
    }

    It 'a conditional update whose connection drops is repeated (its If-Match makes the repeat harmless)' {
        $script:Referral | Update-PartnerCoSellReferral -DealValue 1 -ErrorAction SilentlyContinue
        @(Get-Content -LiteralPath $script:DropLog | Where-Object { $_ -match '\tPATCH\t' }).Count | Should -BeGreaterThan 1
    }
}
