#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# A runbook that keeps working for months (issue 18 items 1-3): Get-PartnerReferralsRefreshToken hands out the newest
# refresh token (Entra, and the emulator, issue a new one on every use), a runbook reads it from its store, connects,
# works and writes the newest back, three runs in a row; an expired or revoked token ends Connect with the way out.
# Every stream of every command here, -Debug included, is searched for the text of each token the test saw.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Get-PackagedModulePath
    Import-Module $script:Module -Force
    $script:ClientId = [guid]::NewGuid().ToString()
    # The text of every token seen so far, and everything the commands wrote: the leak check compares the two.
    $script:Tokens = [System.Collections.Generic.List[string]]::new()
    $script:Written = [System.Text.StringBuilder]::new()

    function Connect-ByDeviceCode($Emulator) {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    # Connect with a refresh token as a runbook does, recorded (see Invoke-Recorded); a refusal is the result's Error.
    function Connect-ByRefreshToken($Emulator, $RefreshToken) {
        Invoke-Recorded { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -RefreshToken $RefreshToken -ClientId $script:ClientId -Debug -ErrorAction Stop }
    }

    # Runs a command with -Debug traces on and every stream merged, keeps all of it as text (an error record with its
    # details) for the leak check, and returns the objects and the error.
    function Invoke-Recorded([scriptblock] $Command) {
        $failure = $null
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $all = try { @(& $Command *>&1) } catch { $failure = $_; @() }
        $null = $script:Written.AppendLine(($all | Out-String -Width 500))
        if ($failure) {
            $null = $script:Written.AppendLine(($failure | Out-String -Width 500)).AppendLine(($failure | Format-List * -Force | Out-String -Width 500)).
                AppendLine(($failure.Exception | Format-List * -Force | Out-String -Width 500)).AppendLine("$($failure.ErrorDetails.RecommendedAction)")
        }
        [pscustomobject] @{
            Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.InformationRecord] -and $_ -isnot [System.Management.Automation.DebugRecord] -and $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] })
            Error  = $failure
        }
    }

    # The token's text, for comparing tokens and for the leak check; never written anywhere.
    function Get-TokenText([securestring] $Secure) {
        $text = [pscredential]::new('token', $Secure).GetNetworkCredential().Password
        if (-not $script:Tokens.Contains($text)) { $script:Tokens.Add($text) }
        $text
    }

    function Get-NewestToken {
        $result = Invoke-Recorded { Get-PartnerReferralsRefreshToken -Debug }
        $result.Error | Should -BeNullOrEmpty
        $token = $result.Output | Select-Object -First 1
        $token | Should -BeOfType ([PartnerReferrals.Models.PartnerReferralsRefreshToken])
        $token.RefreshToken | Should -BeOfType ([securestring])
        $token | Add-Member -NotePropertyName Text -NotePropertyValue (Get-TokenText $token.RefreshToken) -PassThru
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Get-PartnerReferralsRefreshToken across an access-token renewal' {
    BeforeAll {
        # Access tokens of 60 seconds: MSAL renews any token that expires within five minutes, so the pull renews it.
        $script:Emulator = Start-TestEmulator -Referrals 3000 -ArgumentList '--token-lifetime', '60'
        Connect-ByDeviceCode $script:Emulator
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Emulator
    }

    It 'returns the rotated token after a pull that renewed the access token, issued later, valid 90 days from then' {
        $before = Get-NewestToken
        $context = Get-PartnerReferralsContext
        $before.Account | Should -Be $context.Account
        $before.TenantId | Should -Be $context.TenantId
        $before.ClientId | Should -Be $script:ClientId
        $before.Environment | Should -Be 'Emulator'
        $before.IssuedOn.Offset | Should -Be ([timespan]::Zero)
        ($before.ExpiresOn - $before.IssuedOn) | Should -Be ([timespan]::FromDays(90))

        $pull = Invoke-Recorded { Get-PartnerReferral -PageSize 500 -Debug }
        $pull.Error | Should -BeNullOrEmpty
        $pull.Output.Count | Should -Be 3000
        (Get-PartnerReferralsContext).TokenExpiresOn | Should -BeGreaterThan $context.TokenExpiresOn -Because 'the pull renewed the access token'

        $after = Get-NewestToken
        $after.Text | Should -Not -Be $before.Text
        $after.IssuedOn | Should -BeGreaterThan $before.IssuedOn
        ($after.ExpiresOn - $after.IssuedOn) | Should -Be ([timespan]::FromDays(90))
        $script:Rotated = $after
    }

    It 'shows no token when printed, converted to JSON or exported to CSV' {
        $token = Get-NewestToken
        $csv = Join-Path $TestDrive 'token.csv'
        $token | Select-Object -ExcludeProperty Text | Export-Csv -Path $csv -NoTypeInformation
        $shown = ($token | Select-Object -ExcludeProperty Text | Format-List * | Out-String) + ($token | Select-Object -ExcludeProperty Text | ConvertTo-Json) + (Get-Content -Raw $csv)
        $null = $script:Written.AppendLine($shown)
        $shown | Should -Not -BeLike "*$($token.Text)*"
        (Import-Csv -Path $csv).RefreshToken | Should -Be 'System.Security.SecureString'
    }

    It 'gives a token the emulator accepts for a new sign-in' {
        $result = Connect-ByRefreshToken $script:Emulator $script:Rotated.RefreshToken
        $result.Error | Should -BeNullOrEmpty
        $result.Output[0].SignInMethod | Should -Be 'RefreshToken'
        (Get-NewestToken).Text | Should -Not -Be $script:Rotated.Text -Because 'the sign-in redeemed it for a new one'
    }

    It 'takes the token as text and as the object Export-Clixml round-trips, as stores hand it back' {
        $saved = Join-Path $TestDrive 'token-object.xml'
        Get-PartnerReferralsRefreshToken | Export-Clixml -Path $saved
        $fromFile = Import-Clixml -Path $saved
        $fromFile.RefreshToken | Should -BeOfType ([securestring])
        (Connect-ByRefreshToken $script:Emulator $fromFile).Error | Should -BeNullOrEmpty

        $text = (Get-NewestToken).Text
        (Connect-ByRefreshToken $script:Emulator $text).Error | Should -BeNullOrEmpty
        (Get-PartnerReferralsContext).SignInMethod | Should -Be 'RefreshToken'
    }
}

Describe 'Get-PartnerReferralsRefreshToken after a silent sign-in from the persisted token cache' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Referrals 10
        $script:OriginalData = $env:XDG_DATA_HOME
        # The cache goes to a folder of this test, not the user's profile.
        $env:XDG_DATA_HOME = Join-Path $TestDrive 'data'
    }

    AfterAll {
        Disconnect-PartnerReferrals -ClearPersistedCache -ErrorAction SilentlyContinue
        $env:XDG_DATA_HOME = $script:OriginalData
        Stop-TestEmulator $script:Emulator
    }

    It 'renews once to return a token, since the silent sign-in made no token request, and the emulator accepts it' {
        $connect = { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -ContextScope CurrentUser -AllowPlaintextCache -WarningAction SilentlyContinue -Debug }
        (Invoke-Recorded $connect).Error | Should -BeNullOrEmpty
        $first = Get-NewestToken
        # The second sign-in finds the account and a valid access token in the cache: no request at all.
        (Invoke-Recorded $connect).Error | Should -BeNullOrEmpty

        $token = Get-NewestToken
        $token.Text | Should -Not -Be $first.Text
        $token.IssuedOn | Should -BeGreaterThan $first.IssuedOn
        (Connect-ByRefreshToken $script:Emulator $token.RefreshToken).Error | Should -BeNullOrEmpty
    }
}

Describe 'A runbook''s cycle, three runs in a row in pwsh -NonInteractive, with an Export-Clixml file as the store' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Referrals 200
        $script:Store = Join-Path $TestDrive 'refresh-token.xml'
        # The one interactive sign-in that starts the chain, by a person.
        Connect-ByDeviceCode $script:Emulator
        (Get-NewestToken).RefreshToken | Export-Clixml -Path $script:Store
        Disconnect-PartnerReferrals

        $script:Runbook = Join-Path $TestDrive 'runbook.ps1'
        Set-Content -Path $script:Runbook -Value @'
param([string] $Module, [string] $EmulatorFile, [string] $ClientId, [string] $Store, [string] $Csv)
$ErrorActionPreference = 'Stop'
Import-Module $Module
$refreshToken = Import-Clixml -Path $Store
Connect-PartnerReferrals -Environment Emulator -EmulatorFile $EmulatorFile -RefreshToken $refreshToken -ClientId $ClientId -Debug | Out-Null
Get-PartnerReferral -Debug | Export-Csv -Path $Csv -NoTypeInformation
(Get-PartnerReferralsRefreshToken -Debug).RefreshToken | Export-Clixml -Path $Store
'@
        $script:Shell = Get-PowerShellCommand
    }

    AfterAll {
        Stop-TestEmulator $script:Emulator
    }

    It 'run <_> signs in with the token the previous run saved, pulls, and saves the new one the emulator issued' -ForEach 1, 2, 3 {
        $read = Get-TokenText (Import-Clixml -Path $script:Store)
        $csv = Join-Path $TestDrive "run-$_.csv"
        $arguments = @($script:Shell.ArgumentList) + @('-NoProfile', '-NonInteractive', '-File', $script:Runbook,
            '-Module', $script:Module, '-EmulatorFile', $script:Emulator.PublishFile, '-ClientId', $script:ClientId, '-Store', $script:Store, '-Csv', $csv)
        $output = & $script:Shell.FilePath @arguments 2>&1 | Out-String
        $exitCode = $LASTEXITCODE
        $null = $script:Written.AppendLine($output)

        $exitCode | Should -Be 0 -Because $output
        $output | Should -Match 'HTTP GET' -Because 'the run traced its requests with -Debug'
        @(Import-Csv -Path $csv).Count | Should -Be 200
        $saved = Get-TokenText (Import-Clixml -Path $script:Store)
        $saved | Should -Not -Be $read -Because 'the sign-in redeemed the token read and the emulator issued a new one'
    }

    It 'has used four different tokens, and the emulator accepts the last one saved' {
        Get-TokenText (Import-Clixml -Path $script:Store) | Out-Null
        $result = Connect-ByRefreshToken $script:Emulator (Import-Clixml -Path $script:Store)
        $result.Error | Should -BeNullOrEmpty
        $script:Tokens.Count | Should -BeGreaterOrEqual 4
        Disconnect-PartnerReferrals
    }
}

Describe 'A refresh token the service refuses ends Connect with the way out' {
    It 'an expired one (AADSTS700082): PartnerReferrals.Auth.RefreshTokenExpired, naming the 90 days and the interactive sign-in' {
        $emulator = Start-TestEmulator -Referrals 10 -ArgumentList '--refresh-token-lifetime', '2'
        try {
            Connect-ByDeviceCode $emulator
            $token = Get-NewestToken
            Disconnect-PartnerReferrals
            # The emulator's refresh tokens live two seconds here: wait them out.
            Start-Sleep -Seconds 3
            $result = Connect-ByRefreshToken $emulator $token.RefreshToken
        }
        finally {
            Stop-TestEmulator $emulator
        }

        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.RefreshTokenExpired,*'
        $result.Error.Exception.Message | Should -Match '90 days'
        $result.Error.Exception.Message | Should -Match 'AADSTS700082'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'Get-PartnerReferralsRefreshToken'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'Connect-PartnerReferrals -UseDeviceCode'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'multi-factor'
        Get-PartnerReferralsContext | Should -BeNullOrEmpty
    }

    It 'on its "day 91", the token of day one is refused while the one the last run saved still signs in' {
        # Refresh tokens of six seconds stand for 90 days; the emulator, as Entra, keeps a redeemed token valid until its own expiry.
        $emulator = Start-TestEmulator -Referrals 10 -ArgumentList '--refresh-token-lifetime', '6'
        try {
            Connect-ByDeviceCode $emulator
            $dayOne = Get-NewestToken
            Start-Sleep -Seconds 3
            (Connect-ByRefreshToken $emulator $dayOne.RefreshToken).Error | Should -BeNullOrEmpty
            $saved = Get-NewestToken
            Disconnect-PartnerReferrals
            $wait = ($dayOne.IssuedOn.AddSeconds(6.5) - [DateTimeOffset]::UtcNow).TotalMilliseconds
            if ($wait -gt 0) { Start-Sleep -Milliseconds $wait }

            $stale = Connect-ByRefreshToken $emulator $dayOne.RefreshToken
            $fresh = Connect-ByRefreshToken $emulator $saved.RefreshToken
        }
        finally {
            Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
            Stop-TestEmulator $emulator
        }

        $stale.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.RefreshTokenExpired,*'
        $stale.Error.Exception.Message | Should -Match 'AADSTS700082'
        $fresh.Error | Should -BeNullOrEmpty
        $fresh.Output[0].SignInMethod | Should -Be 'RefreshToken'
    }

    It 'a revoked one (AADSTS50173), as a restarted emulator answers the tokens of its previous run' {
        $first = Start-TestEmulator -Referrals 10
        try {
            Connect-ByDeviceCode $first
            $token = Get-NewestToken
            Disconnect-PartnerReferrals
        }
        finally {
            Stop-TestEmulator $first
        }

        # The emulator keeps its tokens in memory only: the next one answers every earlier token as revoked.
        $second = Start-TestEmulator -Referrals 10
        try {
            $result = Connect-ByRefreshToken $second $token.RefreshToken
        }
        finally {
            Stop-TestEmulator $second
        }

        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.RefreshTokenExpired,*'
        $result.Error.Exception.Message | Should -Match 'revoked'
        $result.Error.Exception.Message | Should -Match 'AADSTS50173'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'Get-PartnerReferralsRefreshToken'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'Connect-PartnerReferrals -UseDeviceCode'
    }
}

Describe 'Get-PartnerReferralsRefreshToken without a refresh token' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -Referrals 10
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Emulator
    }

    It 'refuses after -AccessToken with PartnerReferrals.Auth.NoRefreshToken, naming -AccessToken and the sign-in that gives one' {
        Connect-ByDeviceCode $script:Emulator
        $refresh = Get-NewestToken
        $authority = (Get-Content -Raw $script:Emulator.PublishFile | ConvertFrom-Json).authority.TrimEnd('/')
        $answer = Invoke-RestMethod -SkipCertificateCheck -Method Post -Uri "$authority/oauth2/v2.0/token" -Body @{
            client_id = $script:ClientId; grant_type = 'refresh_token'; refresh_token = $refresh.Text; scope = 'https://api.partnercenter.microsoft.com/user_impersonation offline_access'
        }
        $script:Tokens.Add($answer.access_token)
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -AccessToken (ConvertTo-SecureString -AsPlainText -Force $answer.access_token) -WarningAction SilentlyContinue | Out-Null

        $result = Invoke-Recorded { Get-PartnerReferralsRefreshToken -Debug -ErrorAction Stop }

        $result.Output | Should -BeNullOrEmpty
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.NoRefreshToken,*'
        $result.Error.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $result.Error.Exception.Message | Should -Match '-AccessToken'
        $result.Error.ErrorDetails.RecommendedAction | Should -Match 'Connect-PartnerReferrals -UseDeviceCode'
    }

    It 'says to connect first when no session exists' {
        Disconnect-PartnerReferrals
        $result = Invoke-Recorded { Get-PartnerReferralsRefreshToken -ErrorAction Stop }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.NotConnected,*'
    }
}

Describe 'No token text in anything these commands wrote' {
    It 'saw tokens and output to search' {
        $script:Tokens.Count | Should -BeGreaterThan 8
        $script:Written.Length | Should -BeGreaterThan 10000
        $script:Written.ToString() | Should -Match 'HTTP GET' -Because 'the -Debug traces are part of what is searched'
    }

    It 'shows none of the tokens in any output, warning, error or -Debug line, in this process or the runbook''s' {
        $text = $script:Written.ToString()
        $leaks = @($script:Tokens | Where-Object { $text.Contains($_) })
        $leaks.Count | Should -Be 0
        $text | Should -Not -Match 'eyJ[A-Za-z0-9_-]{10,}\.' -Because 'no access token (a JWT) appears either'
        $text | Should -Not -Match '0\.AEmu\.[A-Za-z0-9_-]{8}' -Because 'no refresh token of the emulator appears, not even one rotated away mid-pull'
    }
}

Describe 'What help says about the refresh token' {
    It '<Name> explains rotation, the 90 days and MFA' -ForEach @(
        @{ Name = 'Get-Help Get-PartnerReferralsRefreshToken -Full'; Help = { Get-Help Get-PartnerReferralsRefreshToken -Full } }
        @{ Name = 'about_PartnerReferrals'; Help = { Get-Help about_PartnerReferrals } }
    ) {
        $text = (& $Help | Out-String -Width 200) -replace '\s+', ' '
        $text | Should -Match 'new one'
        $text | Should -Match 'newest'
        $text | Should -Match '90 days'
        $text | Should -Match 'multi-factor'
        $text | Should -Match '2026-04-01'
        $text | Should -Match 'Export-Clixml'
    }
}
