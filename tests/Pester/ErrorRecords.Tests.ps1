#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The error records a script meets: a stable FullyQualifiedErrorId, a precise category, the offending value as the
# target, a recommended action of its own, the ids the service saw, and never a stack trace. What the messages say is
# ErrorMessages.Tests.ps1's. The emulator's request log says what was sent.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:ClientId = [guid]::NewGuid().ToString()

    function Start-LoggedEmulator([string[]] $ArgumentList = @()) {
        $log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-errors-{0}.log" -f [guid]::NewGuid())
        $emulator = Start-TestEmulator -Referrals 100 -ArgumentList (@('--request-log', $log) + $ArgumentList)
        $emulator | Add-Member -NotePropertyName Log -NotePropertyValue $log -PassThru
    }

    function Stop-LoggedEmulator($Emulator) {
        Stop-TestEmulator $Emulator
        Remove-Item -LiteralPath $Emulator.Log -ErrorAction SilentlyContinue
    }

    function Connect-To($Emulator) {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
        Remove-Item -LiteralPath $Emulator.Log -ErrorAction SilentlyContinue
    }

    function Assert-NoStackTrace($Record) {
        foreach ($text in $Record.Exception.Message, "$($Record.ErrorDetails.Message)", ($Record | Out-String -Width 500)) {
            $text | Should -Not -Match '   at '
        }
    }

    # The ids the service received stand in the message a support request quotes, each once; the fix is left to the
    # Recommendation line that PowerShell's error view prints on its own.
    function Assert-IdsOnceAndTheFixApart($Record, [string] $RequestId, [string] $CorrelationId) {
        $message = $Record.ErrorDetails.Message
        foreach ($pair in @(@('MS-RequestId', $RequestId), @('MS-CorrelationId', $CorrelationId))) {
            $pair[1] | Should -Not -BeNullOrEmpty -Because "$($pair[0]) was sent"
            $message | Should -BeLike "*$($pair[0]) $($pair[1])*"
            ([regex]::Matches($message, [regex]::Escape($pair[1]))).Count | Should -Be 1
        }
        $Record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $message.Contains($Record.ErrorDetails.RecommendedAction) | Should -BeFalse
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Errors of a connected session' {
    BeforeAll {
        $script:Emulator = Start-LoggedEmulator
        Connect-To $script:Emulator
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-LoggedEmulator $script:Emulator
    }

    BeforeEach {
        Remove-Item -LiteralPath $script:Emulator.Log -ErrorAction SilentlyContinue
    }

    It 'an unknown -GroupBy field is InvalidArgument with the field as its target, and nothing is sent' {
        $record = Get-Failure { Get-PartnerReferralSummary -GroupBy status, colour -ErrorAction Stop }
        $record.FullyQualifiedErrorId | Should -Be 'PartnerReferrals.Query.UnknownField,PartnerReferrals.Commands.GetPartnerReferralSummaryCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be 'colour'
        $record.ErrorDetails.Message | Should -BeLike '*GroupBy*'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        @(Read-RequestLog $script:Emulator.Log).Count | Should -Be 0
        Assert-NoStackTrace $record
    }

    It 'a script catches it with -ErrorAction Stop and finds the same record in $Error' {
        $Error.Clear()
        $caught = try { Get-PartnerReferral -Filter "colour eq 'red'" -ErrorAction Stop; 'not reached' } catch { $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'PartnerReferrals.Query.UnknownField,PartnerReferrals.Commands.GetPartnerReferralCommand'
        $caught.TargetObject | Should -Be 'colour'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $Error[0].FullyQualifiedErrorId | Should -Be $caught.FullyQualifiedErrorId
    }

    It 'a filter the service rejects is a bad request carrying the request id the service saw' {
        $record = Get-Failure { Get-PartnerReferral -Filter "not (status eq 'Won')" -ErrorAction Stop }
        $requests = @(Read-RequestLog $script:Emulator.Log)
        $requests.Count | Should -Be 1
        $requests[0].Status | Should -Be 400
        $record.FullyQualifiedErrorId | Should -Be 'PartnerReferrals.Api.BadRequest,PartnerReferrals.Commands.GetPartnerReferralCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Assert-IdsOnceAndTheFixApart $record $requests[0].RequestId $requests[0].CorrelationId
        Assert-NoStackTrace $record
    }
}

Describe 'A service that keeps failing' {
    BeforeAll {
        $script:Failing = Start-LoggedEmulator '--server-errors', '1'
        Connect-To $script:Failing
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-LoggedEmulator $script:Failing
    }

    It 'is retried a bounded number of times, then reported as ResourceUnavailable with the one request id of its attempts' {
        $record = Get-Failure { Get-PartnerReferral -First 5 -ErrorAction Stop }
        $attempts = @(Read-RequestLog $script:Failing.Log)
        $record.FullyQualifiedErrorId | Should -Be 'PartnerReferrals.Api.ServerError,PartnerReferrals.Commands.GetPartnerReferralCommand'
        $record.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $attempts.Count | Should -BeGreaterOrEqual 2
        $attempts.Count | Should -BeLessOrEqual 10
        $attempts.Status | ForEach-Object { $_ | Should -BeIn 500, 503 }
        $requestId = @($attempts.RequestId | Sort-Object -Unique)
        $correlationId = @($attempts.CorrelationId | Sort-Object -Unique)
        $requestId.Count | Should -Be 1
        $correlationId.Count | Should -Be 1
        Assert-IdsOnceAndTheFixApart $record $requestId[0] $correlationId[0]
        Assert-NoStackTrace $record
    }
}

Describe 'An expired access token' {
    BeforeAll {
        # Access tokens of two seconds: one redeemed now has expired by the time Connect sees it.
        $script:ShortLived = Start-LoggedEmulator '--token-lifetime', '2'
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-LoggedEmulator $script:ShortLived
    }

    It 'is refused at sign-in with an authentication error that shows no token, and no session is left' {
        $token = Get-EmulatorAccessToken $script:ShortLived $script:ClientId
        Start-Sleep -Seconds 3

        $record = Get-Failure { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:ShortLived.PublishFile -AccessToken (ConvertTo-SecureString -AsPlainText -Force $token) -ErrorAction Stop }

        $record.FullyQualifiedErrorId | Should -Be 'PartnerReferrals.Auth.TokenExpired,PartnerReferrals.Commands.ConnectPartnerReferralsCommand'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        foreach ($text in ($record | Out-String -Width 500), ($record | Format-List * -Force | Out-String -Width 500), $record.Exception.Message, "$($record.ErrorDetails.RecommendedAction)") {
            $text.Contains($token) | Should -BeFalse
        }
        Get-PartnerReferralsContext | Should -BeNullOrEmpty
    }
}
