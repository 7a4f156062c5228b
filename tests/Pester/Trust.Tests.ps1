#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Issue 11, in real PowerShell against the packaged module: each fault is started from the emulator's command line.
# Measurements (requests a cycling server gets, time to the error) are printed, never asserted as timings.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:ClientId = [guid]::NewGuid().ToString()

    function Connect-TestEmulator($Emulator) {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    # A copy of an emulator's published file with one field changed.
    function New-AlteredEmulatorFile($Emulator, [string] $Name, [string] $Value) {
        $json = Get-Content -Raw $Emulator.PublishFile | ConvertFrom-Json
        $json.$Name = $Value
        $file = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-altered-{0}.json" -f [guid]::NewGuid())
        $json | ConvertTo-Json | Set-Content -Path $file
        $file
    }

    # The engine lives in a private load context, which PowerShell cannot name types from: reach its Redactor by reflection.
    function Get-RedactorSecretCount {
        $engine = [System.Runtime.Loader.AssemblyLoadContext]::All.Assemblies | Where-Object { $_.GetName().Name -eq 'PartnerReferrals.Engine' } | Select-Object -First 1
        $engine.GetType('PartnerReferrals.Engine.Diagnostics.Redactor').GetProperty('SecretCount').GetValue($null)
    }

    $script:Jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXN0ZWQtYnktbWlzdGFrZSJ9.c2lnbmF0dXJlLW9mLWEtcmVhbC10b2tlbg'
    $script:RefreshToken = '0.AEmu.Kq3vZ8xY2mN5pL7wR1tB4cD6fG9hJ0kS3uV5yX8zA2eF4iO7'
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'A server whose next links go round in circles' {
    BeforeAll {
        $script:Cycling = Start-TestEmulator -Referrals 300 -ArgumentList '--no-total-count', '--cycle-next-link', '2'
        Connect-TestEmulator $script:Cycling
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Cycling
    }

    It 'ends with PartnerReferrals.Api.PagingLoop after a handful of requests, keeping the rows it wrote' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $rows = [System.Collections.Generic.List[object]]::new()
        $debug = @()
        $failure = $null
        # $DebugPreference, not -Debug: on a compiled cmdlet -Debug asks to confirm each line, which fails without a console.
        $DebugPreference = 'Continue'
        try {
            Get-PartnerReferral -PageSize 100 -ErrorAction Stop 5>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.DebugRecord]) { $debug += $_.Message } else { $rows.Add($_) }
            }
        }
        catch {
            $failure = $_
        }
        $watch.Stop()
        $DebugPreference = 'SilentlyContinue'
        $requests = @($debug | Where-Object { $_ -like 'HTTP GET *referrals*' }).Count
        Write-Host ("    measured: cycling server got {0} requests; error after {1:N0} ms" -f $requests, $watch.Elapsed.TotalMilliseconds)

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Api.PagingLoop,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
        $requests | Should -BeLessOrEqual 4
        $rows.Count | Should -Be 200
        @($rows.Id | Sort-Object -Unique).Count | Should -Be 200
        $failure.Exception.Message | Should -BeLike '*200 referrals were written*'
    }
}

Describe 'Bearer tokens never travel over plain HTTP' {
    BeforeAll {
        $script:Clean = Start-TestEmulator -Referrals 200
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Clean
    }

    It 'refuses an emulator file whose baseUrl is http, naming the file' {
        $port = ([uri] (Get-Content -Raw $script:Clean.PublishFile | ConvertFrom-Json).baseUrl).Port
        $file = New-AlteredEmulatorFile $script:Clean 'baseUrl' "http://127.0.0.1:$port/"
        try {
            { Connect-TestEmulator ([pscustomobject] @{ PublishFile = $file }) } | Should -Throw -ErrorId 'PartnerReferrals.Session.InsecureUrl,*'
            $Error[0].Exception.Message | Should -BeLike "*$file*"
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }

    It 'refuses -Environment Custom -BaseUrl http://..., naming -BaseUrl' {
        $token = ConvertTo-SecureString -AsPlainText -Force $script:Jwt
        { Connect-PartnerReferrals -Environment Custom -BaseUrl 'http://127.0.0.1:9/' -Authority 'https://login.example/' -AccessToken $token } |
            Should -Throw -ErrorId 'PartnerReferrals.Session.InsecureUrl,*'
        $Error[0].Exception.Message | Should -BeLike '*-BaseUrl*'
        $Error[0].TargetObject | Should -Not -BeNullOrEmpty
    }

    It 'refuses a pin that is not the server''s at once, naming the pinned thumbprint' {
        $pinned = '0' * 64
        $file = New-AlteredEmulatorFile $script:Clean 'certificateThumbprint' $pinned
        try {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            { Connect-TestEmulator ([pscustomobject] @{ PublishFile = $file }) } | Should -Throw -ErrorId 'PartnerReferrals.Http.CertificateRejected,*'
            Write-Host ("    measured: pin mismatch reported after {0:N0} ms" -f $watch.Elapsed.TotalMilliseconds)
            $Error[0].Exception.Message | Should -BeLike "*$pinned*"
            $Error[0].Exception.Message | Should -Not -BeLike '*HTTPS_PROXY*'
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }

    It 'refuses a malformed thumbprint with a clear error, not a FormatException' {
        $file = New-AlteredEmulatorFile $script:Clean 'certificateThumbprint' 'not-a-thumbprint'
        try {
            { Connect-TestEmulator ([pscustomobject] @{ PublishFile = $file }) } | Should -Throw -ErrorId 'PartnerReferrals.Session.EmulatorFileInvalid,*'
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
        }
    }
}

Describe 'A pull that fails midway' {
    BeforeAll {
        $script:Failing = Start-TestEmulator -Referrals 1000 -ArgumentList '--fail-after', '3', '--fail-status', '400'
        $script:Whole = Start-TestEmulator -Referrals 1000
        $script:Csv = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-partial-{0}.csv" -f [guid]::NewGuid())
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Failing
        Stop-TestEmulator $script:Whole
        Remove-Item $script:Csv -ErrorAction SilentlyContinue
    }

    It 'keeps the rows written and says how many, of how many, and the -Skip that resumes' {
        Connect-TestEmulator $script:Failing
        $failure = $null
        try {
            Get-PartnerReferral -PageSize 100 -ErrorAction Stop | Export-Csv -Path $script:Csv -NoTypeInformation
        }
        catch {
            $failure = $_
        }

        $failure | Should -Not -BeNullOrEmpty
        $written = @(Import-Csv $script:Csv)
        $written.Count | Should -BeGreaterThan 0
        $written.Count | Should -BeLessThan 1000
        $failure.Exception.Message | Should -BeLike ("*{0:N0} of 1,000 referrals were written*" -f $written.Count)
        $failure.Exception.Message | Should -BeLike ("*-Skip {0}*" -f $written.Count)
        $failure.ErrorDetails.RecommendedAction | Should -BeLike ("*-Skip {0}*" -f $written.Count)
        $failure.Exception.Data['PartnerReferrals.RowsWritten'] | Should -Be $written.Count
        $script:Written = $written
    }

    It 'gives the rest, and only the rest, when run again with that -Skip' {
        Connect-TestEmulator $script:Whole
        $all = @(Get-PartnerReferral)
        $rest = @(Get-PartnerReferral -Skip $script:Written.Count)

        $script:Written.Id | Should -Be @($all | Select-Object -First $script:Written.Count).Id
        @($script:Written.Id) + @($rest.Id) | Should -Be @($all.Id)
    }
}

Describe 'Data that shifts while it is read' {
    # 1,500 rows shifted: more than the 5 pages of 200 that the old id window held, so duplicates got through it.
    It 'writes each id once and warns with the counts when <Shift> happens mid-pull' -ForEach @(
        @{ Shift = 'insert:1500@2' }
        @{ Shift = 'move:1500@2' }
        @{ Shift = 'delete:300@2' }
    ) {
        $emulator = Start-TestEmulator -Referrals 2000 -ArgumentList '--shift', $Shift
        try {
            Connect-TestEmulator $emulator
            $warnings = @()
            $rows = @(Get-PartnerReferral -PageSize 200 -WarningVariable warnings -WarningAction SilentlyContinue)

            @($rows.Id | Sort-Object -Unique).Count | Should -Be $rows.Count
            $warnings.Count | Should -BeGreaterThan 0
            ($warnings -join ' ') | Should -BeLike '*2,000*'
            ($warnings -join ' ') | Should -BeLike '*-Before*'
        }
        finally {
            Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
            Stop-TestEmulator $emulator
        }
    }
}

Describe 'Throttling that asks for longer than the retry budget' {
    It 'says the service asked to wait 900 seconds and how to raise the budget (Retry-After as <Form>)' -ForEach @(
        @{ Form = 'seconds'; Arguments = @('--throttle', '1', '--retry-after', '900') }
        @{ Form = 'an HTTP date'; Arguments = @('--throttle', '1', '--retry-after', '900', '--retry-after-date') }
    ) {
        $emulator = Start-TestEmulator -Referrals 50 -ArgumentList $Arguments
        try {
            Connect-TestEmulator $emulator
            { Get-PartnerReferral -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Api.Throttled,*'
            $Error[0].Exception.Message | Should -Match 'asked to wait (8[89]\d|900) seconds'
            $Error[0].ErrorDetails.RecommendedAction | Should -BeLike '*PARTNERREFERRALS_MAX_RETRY_SECONDS*'
        }
        finally {
            Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
            Stop-TestEmulator $emulator
        }
    }
}

Describe 'Secrets and limits in ordinary parameters' {
    BeforeAll {
        $script:Plain = Start-TestEmulator -Referrals 100
        Connect-TestEmulator $script:Plain
    }

    AfterAll {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
        Stop-TestEmulator $script:Plain
    }

    It 'masks a <Name> pasted into -Filter in every part of the error record' -ForEach @(
        @{ Name = 'JWT'; Secret = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXN0ZWQtYnktbWlzdGFrZSJ9.c2lnbmF0dXJlLW9mLWEtcmVhbC10b2tlbg' }
        @{ Name = 'refresh token'; Secret = '0.AEmu.Kq3vZ8xY2mN5pL7wR1tB4cD6fG9hJ0kS3uV5yX8zA2eF4iO7' }
    ) {
        $record = $null
        try {
            Get-PartnerReferral -Filter $Secret -ErrorAction Stop
        }
        catch {
            $record = $_
        }

        $record | Should -Not -BeNullOrEmpty
        $record.Exception.Message | Should -Not -BeLike "*$Secret*"
        "$($record.ErrorDetails)" | Should -Not -BeLike "*$Secret*"
        "$($record.TargetObject)" | Should -Not -BeLike "*$Secret*"
        $record.CategoryInfo.ToString() | Should -Not -BeLike "*$Secret*"
        ($record | Out-String) | Should -Not -BeLike "*$Secret*"
    }

    It 'masks a JWT in the debug trace of a request that carries it' {
        $DebugPreference = 'Continue'
        $lines = Get-PartnerReferral -Filter "customerName eq '$script:Jwt'" 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $DebugPreference = 'SilentlyContinue'
        @($lines).Count | Should -BeGreaterThan 0
        ($lines.Message -join "`n") | Should -Not -BeLike "*$script:Jwt*"
    }

    It 'refuses thousands of -Status values before any request, naming the parameter' {
        $statuses = 1..2000 | ForEach-Object { "Status$_" }
        { Get-PartnerReferral -Status $statuses -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Query.FilterTooLong,*'
        $Error[0].Exception.Message | Should -BeLike '*-Status*'
    }

    It 'refuses -Skip at or above 2^31, naming -Skip' {
        { Get-PartnerReferral -Skip 2147483648 -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Query.SkipOutOfRange,*'
        $Error[0].Exception.Message | Should -BeLike '*-Skip*'
    }
}

Describe 'Disconnect forgets the tokens it was given' {
    BeforeAll {
        $script:ForTokens = Start-TestEmulator -Referrals 10
    }

    AfterAll {
        Stop-TestEmulator $script:ForTokens
    }

    It 'leaves no plaintext token in the redactor after Disconnect-PartnerReferrals' {
        $token = ConvertTo-SecureString -AsPlainText -Force $script:Jwt
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:ForTokens.PublishFile -AccessToken $token -ErrorAction SilentlyContinue | Out-Null
        Get-RedactorSecretCount | Should -BeGreaterThan 0

        Disconnect-PartnerReferrals

        Get-RedactorSecretCount | Should -Be 0
    }
}
