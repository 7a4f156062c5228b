#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# What -Verbose and -Debug show, and that no stream ever shows a token. Each command runs in a runspace of its own
# with no host, as a runbook or a job runs it: such a runspace cannot answer a prompt, so a "Continue with this
# operation?" fails there, and what the module writes to the host arrives as information records tagged PSHOST (as
# Write-Host's do). The emulator's request log says what the service received, with its MS-RequestId and
# MS-CorrelationId.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-streams-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 200 -ArgumentList '--request-log', $script:Log
    $script:ClientId = [guid]::NewGuid().ToString()
    $script:Connect = "Connect-PartnerReferrals -Environment Emulator -EmulatorFile '$($script:Emulator.PublishFile)' -UseDeviceCode -ClientId $($script:ClientId)"
    # A request line of -Debug for a page: method, URL, status, time, and the ids the service received.
    $script:RequestLine = '^HTTP GET (?<url>https://127\.0\.0\.1:\d+/partner/v1/analytics/referrals\?\S+) -> 200 OK in \d+ ms \(MS-RequestId (?<request>[0-9a-f-]{36}), MS-CorrelationId (?<correlation>[0-9a-f-]{36})\)$'

    # Runs $Script in a runspace of its own with no host (the module's session is the process's) and returns what
    # each stream got; Host holds the lines written to the host, All every text a person or a log could see.
    function Invoke-WithoutHost([string] $Script, [hashtable] $Parameters = @{}) {
        $shell = [powershell]::Create()
        try {
            $names = @($Parameters.Keys | ForEach-Object { "`$$_" }) -join ', '
            $null = $shell.AddScript("param($names) Import-Module '$(Get-PackagedModulePath)'; $Script").AddParameters($Parameters)
            $output = @($shell.Invoke())
            $streams = $shell.Streams
            $errors = @($streams.Error)
            $hostLines = @($streams.Information | Where-Object { $_.Tags -contains 'PSHOST' } | ForEach-Object { "$($_.MessageData)" })
            [pscustomobject] @{
                Output   = $output
                Errors   = $errors
                Debug    = @($streams.Debug | ForEach-Object Message)
                Verbose  = @($streams.Verbose | ForEach-Object Message)
                Warnings = @($streams.Warning | ForEach-Object Message)
                Host     = $hostLines
                All      = @($output | ForEach-Object { "$_" }) + @($output | Out-String -Width 500) + $hostLines +
                    @($streams.Debug + $streams.Verbose + $streams.Warning | ForEach-Object Message) +
                    @($errors | ForEach-Object { ($_ | Out-String -Width 500); $_.Exception.Message; "$($_.ErrorDetails.Message)"; "$($_.ErrorDetails.RecommendedAction)" })
            }
        }
        finally {
            $shell.Dispose()
        }
    }

    # The host lines that begin with $Prefix, without it.
    function Get-HostLines($Result, [string] $Prefix) {
        @($Result.Host | Where-Object { $_.StartsWith($Prefix, [StringComparison]::Ordinal) } | ForEach-Object { $_.Substring($Prefix.Length) })
    }

    # Signs in with an access token whose text the test knows (redeemed from the emulator with a refresh token).
    function Connect-WithKnownToken {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        $token = Get-EmulatorAccessToken $script:Emulator $script:ClientId
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -AccessToken (ConvertTo-SecureString -AsPlainText -Force $token) | Out-Null
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
        $token
    }

    # One request line per request the service received, with its URL and ids, and one correlation id for the operation.
    function Assert-RequestLines([string[]] $Trace) {
        $requests = @(Read-RequestLog $script:Log)
        $lines = @($Trace | ForEach-Object { if ($_ -match $script:RequestLine) { $Matches.Clone() } })
        $requests.Count | Should -BeGreaterThan 0
        $lines.Count | Should -Be $requests.Count
        $lines | ForEach-Object { $_.request } | Sort-Object | Should -Be ($requests.RequestId | Sort-Object)
        $lines | ForEach-Object { ([uri] $_.url).PathAndQuery } | Sort-Object | Should -Be ($requests.PathAndQuery | Sort-Object)
        $correlation = @($lines | ForEach-Object { $_.correlation } | Sort-Object -Unique)
        $correlation.Count | Should -Be 1
        $requests.CorrelationId | Sort-Object -Unique | Should -Be $correlation
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe '-Debug and -Verbose' {
    BeforeAll {
        $script:Token = Connect-WithKnownToken
    }

    BeforeEach {
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    }

    It '-Debug writes one host line per request with its URL, status and the ids the service received' {
        $run = Invoke-WithoutHost 'Get-PartnerReferral -First 20 -PageSize 10 -Debug'
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 20
        # A typed -Debug record would make PowerShell ask after each line of a compiled cmdlet: the trace goes to the host.
        $run.Debug | Should -BeNullOrEmpty
        Assert-RequestLines (Get-HostLines $run 'DEBUG: ')
        # Under -Debug the verbose lines are host lines too, one per page.
        @(Get-HostLines $run 'VERBOSE: ' | Where-Object { $_ -like 'Page *' }).Count | Should -Be 2
    }

    It '$DebugPreference = ''Continue'' writes the same request lines as debug records, as about_PartnerReferrals says' {
        $run = Invoke-WithoutHost '$DebugPreference = ''Continue''; Get-PartnerReferral -First 20 -PageSize 10'
        $run.Errors | Should -BeNullOrEmpty
        $run.Host | Should -BeNullOrEmpty
        Assert-RequestLines $run.Debug
        (Get-Help about_PartnerReferrals | Out-String) | Should -Match "\`$DebugPreference = 'Continue'"
    }

    It '-Verbose reports each page and leaves the request lines to -Debug' {
        $run = Invoke-WithoutHost 'Get-PartnerReferral -First 20 -PageSize 10 -Verbose'
        $run.Errors | Should -BeNullOrEmpty
        $run.Verbose | ForEach-Object { $_.Substring(0, $_.IndexOf(' in ')) } | Sort-Object | Should -Be 'Page skip=0 top=10: 10 rows', 'Page skip=10 top=10: 10 rows'
        $run.Debug | Should -BeNullOrEmpty
        $run.Host | Should -BeNullOrEmpty
    }

    It '-Debug does not stop the pull or change $DebugPreference after it' {
        $run = Invoke-WithoutHost 'Get-PartnerReferral -First 5 -Debug; $DebugPreference'
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 6
        "$($run.Output[-1])" | Should -Be 'SilentlyContinue'
        @(Get-HostLines $run 'DEBUG: ' | Where-Object { $_ -match $script:RequestLine }).Count | Should -Be 1
    }

    It '$DebugPreference = ''Inquire'' in a host with no user interface writes the lines as Write-Debug does' {
        # Recorded as PowerShell behaves here: a runspace without a host has no UI to ask with, so Inquire goes on. The
        # console host started with -NonInteractive instead fails any Inquire (QueryParameters.Tests.ps1 runs that).
        $inquire = Invoke-WithoutHost '$DebugPreference = ''Inquire''; Get-PartnerReferral -First 5'
        $writeDebug = Invoke-WithoutHost '$DebugPreference = ''Inquire''; Write-Debug ''plain'''
        $inquire.Errors | Should -BeNullOrEmpty
        $inquire.Output.Count | Should -Be 5
        @($inquire.Debug | Where-Object { $_ -match $script:RequestLine }).Count | Should -Be 1
        $writeDebug.Debug | Should -Be 'plain'
    }
}

Describe 'No stream shows a token' {
    BeforeAll {
        $script:Token = Connect-WithKnownToken
        $script:Signature = $script:Token.Substring($script:Token.LastIndexOf('.') + 1)
    }

    It 'with -Verbose and -Debug on, for queries, errors and the context, in records and in host lines' {
        $records = Invoke-WithoutHost @'
$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
Get-PartnerReferralsContext | Format-List * | Out-String
Get-PartnerReferral -First 15 -PageSize 5
Get-PartnerReferralSummary -GroupBy status
Get-PartnerReferral -Filter "not (status eq 'Won')"
Get-PartnerReferralSummary -GroupBy colour
Get-PartnerReferralsContext | ConvertTo-Json
'@
        $hostLines = Invoke-WithoutHost @'
Get-PartnerReferral -First 15 -PageSize 5 -Debug
Get-PartnerReferral -Filter "not (status eq 'Won')" -Debug
Get-PartnerReferralsContext -Debug | Format-List * | Out-String
'@
        $records.Debug | Should -Not -BeNullOrEmpty
        $records.Errors.Count | Should -Be 2
        $hostLines.Errors.Count | Should -Be 1
        $trace = Get-HostLines $hostLines 'DEBUG: '
        @($trace | Where-Object { $_ -match $script:RequestLine }).Count | Should -Be 3
        @($trace | Where-Object { $_ -like 'HTTP GET * -> 400 *' }).Count | Should -Be 1
        foreach ($text in $records.All + $hostLines.All) {
            $text.Contains($script:Token) | Should -BeFalse
            $text.Contains($script:Signature) | Should -BeFalse
        }
    }

    It 'after a device code sign-in with -Verbose and -Debug on' {
        Disconnect-PartnerReferrals
        # -WarningAction Continue: under -Debug PowerShell would ask before each warning record, and no one can answer here.
        $run = Invoke-WithoutHost "$($script:Connect) -Verbose -Debug -WarningAction Continue; Get-PartnerReferral -First 3 -Verbose -Debug; Get-PartnerReferralsContext | Format-List * | Out-String"
        $run.Errors | Should -BeNullOrEmpty
        @($run.Verbose | Where-Object { $_ -like 'Signed in as *' }).Count | Should -Be 1
        @($run.Warnings | Where-Object { $_ -like '*/devicelogin*' }).Count | Should -Be 1
        @(Get-HostLines $run 'DEBUG: ' | Where-Object { $_ -match $script:RequestLine }).Count | Should -Be 1
        # Every token the emulator issues is a JWT: its header always begins with these characters.
        ($run.All -join "`n") | Should -Not -Match 'eyJ'
    }
}

Describe 'Connect and Disconnect with -Debug where no one can answer a prompt' {
    It 'sign in by device code, the warning and verbose lines written to the host instead of asking' {
        $run = Invoke-WithoutHost "Disconnect-PartnerReferrals -Debug; $($script:Connect) -Debug"
        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Count | Should -Be 1
        $run.Output[0].SignInMethod | Should -Be 'DeviceCode'
        $run.Warnings | Should -BeNullOrEmpty
        $run.Verbose | Should -BeNullOrEmpty
        @(Get-HostLines $run 'WARNING: ' | Where-Object { $_ -like '*/devicelogin*' }).Count | Should -Be 1
        @(Get-HostLines $run 'VERBOSE: ' | Where-Object { $_ -like 'Signed in as *' }).Count | Should -Be 1
    }
}
