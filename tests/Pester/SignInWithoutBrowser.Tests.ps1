#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Issue 21 items 1 and 15: the default sign-in where no browser can open (SSH, containers, runbook hosts) prints the
# address, notices the failure and signs in by device code instead, or ends after a bounded wait, never hanging; and a
# token cache is written unencrypted only when the user asked for that, a restored session saying it came from it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Manifest = Get-PackagedModulePath
    Import-Module $script:Manifest -Force
    $script:Emulator = Start-TestEmulator -Referrals 100
    $script:ClientId = [guid]::NewGuid().ToString()

    # Connect-PartnerReferrals with no sign-in switch (the README's first command) in a child pwsh whose environment
    # decides what browser there is; its own time limit turns a hang into a failed test.
    function Invoke-DefaultSignIn([hashtable] $Environment, [int] $Seconds = 60) {
        $pwsh = Get-PowerShellCommand
        $info = [System.Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
        $script = @"
Import-Module '$script:Manifest'
try {
    `$context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile '$($script:Emulator.PublishFile)' -ClientId $script:ClientId -ErrorAction Stop
    'SIGNED IN: ' + `$context.SignInMethod
    'ROWS: ' + @(Get-PartnerReferral -First 3).Count
} catch { 'ERROR: ' + `$_.FullyQualifiedErrorId; 'MESSAGE: ' + `$_.Exception.Message; 'ACTION: ' + `$_.ErrorDetails.RecommendedAction }
"@
        foreach ($argument in @($pwsh.ArgumentList) + @('-NoProfile', '-NonInteractive', '-Command', $script)) {
            $info.ArgumentList.Add([string] $argument)
        }
        foreach ($name in 'DISPLAY', 'WAYLAND_DISPLAY', 'BROWSER') { $info.Environment.Remove($name) | Out-Null }
        foreach ($name in $Environment.Keys) { $info.Environment[$name] = $Environment[$name] }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $process = [System.Diagnostics.Process]::Start($info)
        try {
            $stdout = $process.StandardOutput.ReadToEndAsync()
            $stderr = $process.StandardError.ReadToEndAsync()
            if (-not $process.WaitForExit($Seconds * 1000)) {
                $process.Kill($true)
                throw "Connect-PartnerReferrals was still waiting after $Seconds seconds."
            }
            $process.WaitForExit()
            [pscustomobject] @{ Output = $stdout.Result + $stderr.Result; Seconds = $watch.Elapsed.TotalSeconds }
        }
        finally {
            $process.Dispose()
        }
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'The default sign-in where no browser can open' {
    It 'signs in by device code at once, after a warning that says why, where there is no graphical session' {
        $run = Invoke-DefaultSignIn @{}
        $run.Output | Should -Match 'No browser can open for the sign-in: there is no graphical session here'
        $run.Output | Should -Match '-UseDeviceCode'
        $run.Output | Should -Match 'a runbook, a scheduled task\), connect with -RefreshToken'
        $run.Output | Should -Match '/devicelogin'
        $run.Output | Should -Match 'SIGNED IN: DeviceCode'
        $run.Output | Should -Match 'ROWS: 3'
    }

    It 'prints the address before waiting, sees that the browser did not open and signs in by device code' {
        $run = Invoke-DefaultSignIn @{ DISPLAY = ':99'; BROWSER = 'false' }
        $run.Output | Should -Match 'open this address in a browser on this machine: https://127\.0\.0\.1:\d+/'
        $run.Output | Should -Match "No browser can open for the sign-in: 'false' could not open a browser \(exit code 1\)"
        $run.Output | Should -Match 'SIGNED IN: DeviceCode'
    }

    It 'ends a browser sign-in nobody completes after the time allowed, naming -UseDeviceCode' {
        $run = Invoke-DefaultSignIn @{ DISPLAY = ':99'; BROWSER = 'true'; PARTNERREFERRALS_BROWSER_TIMEOUT = '3' }
        $run.Output | Should -Match 'open this address in a browser on this machine: https://'
        $run.Output | Should -Match 'ERROR: PartnerReferrals.Auth.BrowserSignInTimedOut'
        $run.Output | Should -Match 'within 3 seconds'
        $run.Output | Should -Match 'ACTION: .*-UseDeviceCode.*-RefreshToken'
        $run.Seconds | Should -BeLessThan 45
    }
}

Describe 'The token cache of -ContextScope CurrentUser where the system has no secret store' {
    BeforeAll {
        $script:SavedData = $env:XDG_DATA_HOME
        $env:XDG_DATA_HOME = Join-Path $TestDrive 'data'
        $script:Connect = @{ Environment = 'Emulator'; EmulatorFile = $script:Emulator.PublishFile; UseDeviceCode = $true; ClientId = $script:ClientId; ContextScope = 'CurrentUser'; WarningAction = 'SilentlyContinue' }
        $script:Plaintext = { @(Get-ChildItem -Recurse -File -Path $env:XDG_DATA_HOME -Filter 'msal.cache.plaintext' -ErrorAction SilentlyContinue) }
    }

    AfterAll {
        Disconnect-PartnerReferrals -ClearPersistedCache -ErrorAction SilentlyContinue
        $env:XDG_DATA_HOME = $script:SavedData
    }

    It 'is refused without -AllowPlaintextCache, naming the switch and the file, and nothing is written' {
        $caught = $null
        try { Connect-PartnerReferrals @script:Connect -ErrorAction Stop | Out-Null } catch { $caught = $_ }
        if (-not $caught) {
            Disconnect-PartnerReferrals -ClearPersistedCache
            Set-ItResult -Skipped -Because 'this machine has an operating system secret store, so the cache is encrypted'
            return
        }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Auth.TokenCacheNotProtected,*'
        $caught.Exception.Message | Should -Match ([regex]::Escape('msal.cache.plaintext'))
        $caught.ErrorDetails.RecommendedAction | Should -Match '-AllowPlaintextCache'
        $caught.ErrorDetails.RecommendedAction | Should -Match '-ContextScope Process'
        & $script:Plaintext | Should -BeNullOrEmpty
        Get-PartnerReferralsContext | Should -BeNullOrEmpty
    }

    It 'is kept in a file with -AllowPlaintextCache, and a later session restored from it says PersistedCache' {
        $first = Connect-PartnerReferrals @script:Connect -AllowPlaintextCache
        $first.SignInMethod | Should -Be 'DeviceCode'
        $second = Connect-PartnerReferrals @script:Connect -AllowPlaintextCache -WarningVariable warnings
        $second.SignInMethod | Should -BeIn 'PersistedCache'
        ($warnings.Message -join "`n") | Should -Not -Match '/devicelogin'
        @(Get-PartnerReferral -First 2).Count | Should -Be 2
    }

    It 'refuses -AllowPlaintextCache without -ContextScope CurrentUser, where it would be ignored' {
        $caught = $null
        try { Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -AllowPlaintextCache -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.ConflictingParameters,*'
        $caught.Exception.Message | Should -Match '-AllowPlaintextCache'
    }
}
