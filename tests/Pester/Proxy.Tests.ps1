#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Connect-PartnerReferrals -Proxy (issue 19 item 1), through a real proxy server: Debian's tinyproxy, started here on
# 127.0.0.1 with basic authentication and its own access log. build.ps1 -Task Test installs it where it can (root and
# apt-get); elsewhere these tests are skipped with the reason. The emulator listens on 127.0.0.1 over HTTPS, so every
# request through the proxy is a CONNECT tunnel to the emulator's port, and the proxy's log is the proof it went through.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force

    $script:ProxyUser = 'runbook'
    $script:ProxyPassword = 'Pr0xyPa55word'
    $script:Missing = if (-not (Get-Command tinyproxy -ErrorAction SilentlyContinue)) {
        'tinyproxy is not installed (build.ps1 -Task Test installs Debian''s tinyproxy when run as root; elsewhere: apt-get install tinyproxy)'
    }

    function Get-FreePort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }

    function Test-ProxyListening([int] $Port) {
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect([System.Net.IPAddress]::Loopback, $Port); $true } catch { $false } finally { $client.Dispose() }
    }

    function Start-TestProxy {
        $folder = Join-Path $TestDrive ("proxy-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
        New-Item -ItemType Directory -Path $folder | Out-Null
        # tinyproxy started as root drops to 'nobody', which must be able to write its log.
        if ($IsLinux -or $IsMacOS) { & chmod 777 $folder }
        $port = Get-FreePort
        $log = Join-Path $folder 'access.log'
        $config = Join-Path $folder 'tinyproxy.conf'
        @(
            "Port $port"
            'Listen 127.0.0.1'
            'Timeout 60'
            "LogFile `"$log`""
            'LogLevel Connect'
            'MaxClients 50'
            "BasicAuth $script:ProxyUser $script:ProxyPassword"
        ) | Set-Content -Path $config
        $process = Start-Process -FilePath (Get-Command tinyproxy).Source -ArgumentList '-d', '-c', $config -PassThru -RedirectStandardOutput (Join-Path $folder 'out.txt') -RedirectStandardError (Join-Path $folder 'err.txt')
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        while (-not (Test-ProxyListening $port)) {
            if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
                throw "tinyproxy did not start: $(Get-Content -Raw (Join-Path $folder 'err.txt') -ErrorAction SilentlyContinue)"
            }
            Start-Sleep -Milliseconds 100
        }
        [pscustomobject] @{ Process = $process; Port = $port; Log = $log; Uri = [uri] "http://127.0.0.1:$port" }
    }

    # The CONNECT tunnels the proxy opened to the emulator so far.
    function Get-Tunnel($Proxy) {
        @(Select-String -Path $Proxy.Log -Pattern "CONNECT 127\.0\.0\.1:$script:EmulatorPort " -ErrorAction SilentlyContinue)
    }

    function New-ProxyCredential([string] $Password) {
        [pscredential]::new($script:ProxyUser, (ConvertTo-SecureString $Password -AsPlainText -Force))
    }

    # Connect through the proxy, keeping every stream and the error record, as text for the secret scan.
    function Invoke-Connect([hashtable] $Parameters) {
        $errorRecord = $null
        $started = [DateTime]::UtcNow
        $text = try {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId @Parameters -Debug -ErrorAction Stop *>&1 |
                Out-String -Width 400
        }
        catch {
            $errorRecord = $_
        }
        [pscustomobject] @{
            Text    = $text + ($errorRecord | Out-String -Width 400) + ($errorRecord | Format-List * -Force | Out-String -Width 400) + ($errorRecord.Exception | Format-List * -Force | Out-String -Width 400)
            Error   = $errorRecord
            Seconds = ([DateTime]::UtcNow - $started).TotalSeconds
        }
    }

    if (-not $script:Missing) {
        $script:Emulator = Start-TestEmulator -Referrals 120
        $script:EmulatorPort = ([uri] (Get-Content -Raw $script:Emulator.PublishFile | ConvertFrom-Json).baseUrl).Port
        $script:ClientId = [guid]::NewGuid().ToString()
        $script:Proxy = Start-TestProxy
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    if ($script:Proxy -and -not $script:Proxy.Process.HasExited) {
        Stop-Process -Id $script:Proxy.Process.Id -Force -ErrorAction SilentlyContinue
    }
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Connect-PartnerReferrals -Proxy, through a real proxy server' {
    BeforeEach {
        if ($script:Missing) { Set-ItResult -Skipped -Because $script:Missing }
    }

    It 'signs in and pulls through the proxy with basic authentication, and the proxy''s log shows both' {
        $before = (Get-Tunnel $script:Proxy).Count
        $context = Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId `
            -Proxy $script:Proxy.Uri -ProxyCredential (New-ProxyCredential $script:ProxyPassword) -WarningAction SilentlyContinue
        $afterSignIn = (Get-Tunnel $script:Proxy).Count
        $afterSignIn | Should -BeGreaterThan $before -Because 'the device-code and token requests went through the proxy'
        $context.Proxy | Should -Be "http://127.0.0.1:$($script:Proxy.Port)"

        # Small pages, four in flight: the pull needs connections beyond the one sign-in left open, each a new tunnel.
        @(Get-PartnerReferral -PageSize 10 -ThrottleLimit 4).Count | Should -Be $script:Emulator.Referrals
        (Get-Tunnel $script:Proxy).Count | Should -BeGreaterThan $afterSignIn -Because 'the API requests went through the proxy too'
        (Get-PartnerReferralsContext).Proxy | Should -Be $context.Proxy
    }

    It 'a wrong proxy password ends Connect at once with ProxyAuthenticationRequired naming -ProxyCredential, and never shows the password' {
        $before = (Get-Tunnel $script:Proxy).Count
        $result = Invoke-Connect @{ Proxy = $script:Proxy.Uri; ProxyCredential = (New-ProxyCredential 'Wr0ngPa55word') }

        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Http.ProxyAuthenticationRequired*'
        $result.Error.Exception.ParameterName | Should -Be 'ProxyCredential'
        $result.Error.ErrorDetails.RecommendedAction | Should -BeLike '*-ProxyCredential*'
        $result.Error.TargetObject | Should -Be $script:Proxy.Uri
        $result.Seconds | Should -BeLessThan 20 -Because 'the proxy answers the same on every attempt, so it is not retried'
        ((Get-Tunnel $script:Proxy).Count - $before) | Should -BeLessOrEqual 4 -Because 'a refused tunnel is not retried over and over'
        $result.Text | Should -Not -Match 'Wr0ngPa55word'
        $result.Text | Should -Not -Match $script:ProxyPassword
    }

    It 'a proxy that asks for credentials none were given for says so' {
        $result = Invoke-Connect @{ Proxy = $script:Proxy.Uri }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Http.ProxyAuthenticationRequired*'
        $result.Error.Exception.Message | Should -Match 'asks for credentials'
    }

    It 'without -Proxy the requests go straight to the service, and the proxy sees none' {
        $before = (Get-Tunnel $script:Proxy).Count
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
        @(Get-PartnerReferral -First 10).Count | Should -Be 10
        (Get-Tunnel $script:Proxy).Count | Should -Be $before
        (Get-PartnerReferralsContext).Proxy | Should -BeNullOrEmpty
    }

    It 'a proxy that is not listening is a ProxyUnreachable error naming -Proxy, in bounded time' {
        $dead = [uri] "http://127.0.0.1:$(Get-FreePort)"
        $result = Invoke-Connect @{ Proxy = $dead }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Http.ProxyUnreachable*'
        $result.Error.Exception.ParameterName | Should -Be 'Proxy'
        $result.Error.Exception.Message | Should -BeLike "*127.0.0.1:$($dead.Port)*"
        $result.Seconds | Should -BeLessThan 20
    }

    It '-Proxy wins over HTTPS_PROXY and NO_PROXY; without it HTTPS_PROXY and NO_PROXY decide, loopback included' {
        # The environment proxy is read once per process, so each case runs in a fresh pwsh.
        $dead = "http://127.0.0.1:$(Get-FreePort)"
        $pwsh = Get-PowerShellCommand
        $connect = "Import-Module '$(Get-PackagedModulePath)'; " +
            "Connect-PartnerReferrals -Environment Emulator -EmulatorFile '$($script:Emulator.PublishFile)' -UseDeviceCode -ClientId $($script:ClientId) -WarningAction SilentlyContinue"
        $credential = "[pscredential]::new('$script:ProxyUser', (ConvertTo-SecureString '$script:ProxyPassword' -AsPlainText -Force))"
        function Invoke-Child([string] $Arguments) {
            $output = & $pwsh.FilePath @($pwsh.ArgumentList) -NoProfile -NonInteractive -Command "try { $connect $Arguments -ErrorAction Stop | Out-Null; @(Get-PartnerReferral -First 5).Count } catch { `$_.FullyQualifiedErrorId }" 2>&1
            "$($output | Select-Object -Last 1)"
        }
        $env:HTTPS_PROXY = $dead
        try {
            Remove-Item Env:\NO_PROXY -ErrorAction SilentlyContinue
            $before = (Get-Tunnel $script:Proxy).Count
            Invoke-Child "-Proxy '$($script:Proxy.Uri)' -ProxyCredential ($credential)" | Should -Be '5'
            (Get-Tunnel $script:Proxy).Count | Should -BeGreaterThan $before -Because '-Proxy carried the requests, not HTTPS_PROXY'

            # .NET applies HTTPS_PROXY to 127.0.0.1 as well, so the emulator is unreachable through the dead one.
            Invoke-Child '' | Should -BeLike 'PartnerReferrals.Http.ProxyUnreachable*'

            $env:NO_PROXY = '127.0.0.1'
            Invoke-Child '' | Should -Be '5'
            $before = (Get-Tunnel $script:Proxy).Count
            Invoke-Child "-Proxy '$($script:Proxy.Uri)' -ProxyCredential ($credential)" | Should -Be '5'
            (Get-Tunnel $script:Proxy).Count | Should -BeGreaterThan $before -Because 'NO_PROXY does not apply to -Proxy'
        }
        finally {
            Remove-Item Env:\HTTPS_PROXY, Env:\NO_PROXY -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Connect-PartnerReferrals refuses proxy parameters that cannot work, before any request' {
    It 'refuses -ProxyCredential together with -ProxyUseDefaultCredentials, naming both' {
        $credential = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))
        { Connect-PartnerReferrals -Environment Emulator -UseDeviceCode -ClientId ([guid]::NewGuid()) -Proxy http://127.0.0.1:9 -ProxyCredential $credential -ProxyUseDefaultCredentials -ErrorAction Stop } |
            Should -Throw -ErrorId 'PartnerReferrals.Session.ConflictingParameters*' -ExpectedMessage '*-ProxyCredential and -ProxyUseDefaultCredentials*'
    }

    It 'refuses a scheme no proxy speaks, naming -Proxy' {
        { Connect-PartnerReferrals -Environment Emulator -UseDeviceCode -ClientId ([guid]::NewGuid()) -Proxy ftp://proxy.example:21 -ErrorAction Stop } |
            Should -Throw -ErrorId 'PartnerReferrals.Session.InvalidProxy*' -ExpectedMessage '*-Proxy*ftp*'
    }

    It 'refuses a password written into the proxy address, without echoing it' {
        $record = $null
        try { Connect-PartnerReferrals -Environment Emulator -UseDeviceCode -ClientId ([guid]::NewGuid()) -Proxy 'http://bob:Secr3tInUrl99@proxy.example:8080' -ErrorAction Stop }
        catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.InvalidProxy*'
        ($record | Format-List * -Force | Out-String) + ($record.Exception | Format-List * -Force | Out-String) | Should -Not -Match 'Secr3tInUrl99'
        $record.ErrorDetails.RecommendedAction | Should -BeLike '*-ProxyCredential*'
    }
}
