# The benchmark's PowerShell side: a real pwsh that imports the packaged module and runs, one command per line read
# from standard input, the pulls a user would run; it answers each with one RESULT line of JSON. Started by
# PowerShellWorker.cs with the emulator's published file and a token in the environment (never on a command line).
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Scratch
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModuleManifest
$token = ConvertTo-SecureString $env:PARTNERREFERRALS_BENCH_TOKEN -AsPlainText -Force
Connect-PartnerReferrals -Environment Emulator -EmulatorFile $env:PARTNERREFERRALS_BENCH_EMULATOR_FILE -AccessToken $token -WarningAction SilentlyContinue | Out-Null
$base = (Get-Content -Raw $env:PARTNERREFERRALS_BENCH_EMULATOR_FILE | ConvertFrom-Json).baseUrl.TrimEnd('/')
$bearer = @{ Authorization = 'Bearer ' + $env:PARTNERREFERRALS_BENCH_TOKEN }
$csv = Join-Path $Scratch ('pwsh-' + $PID + '.csv')

# What a careful script writer would deserialize pages into: a PowerShell class per row, System.Text.Json doing the work.
class ScriptReferral {
    [string] $id; [string] $status; [string] $customerName; [string] $customerMarket; [string] $partnerMarket; [string] $customerOrgSize
    [Nullable[datetime]] $createdDate; [Nullable[datetime]] $acknowledgedDate; [Nullable[datetime]] $acceptedDate; [Nullable[datetime]] $declinedDate
    [Nullable[datetime]] $expiredDate; [Nullable[datetime]] $missedDate; [Nullable[datetime]] $skippedDate; [Nullable[datetime]] $wonDate
    [Nullable[datetime]] $lostDate; [Nullable[datetime]] $archivedDate
}
class ScriptPage {
    [System.Collections.Generic.List[ScriptReferral]] $Value
}

function Invoke-Pull([string] $Kind, [int] $Rows, [int] $PageSize, [int] $Throttle) {
    $throttleArgs = if ($Throttle -gt 0) { @{ ThrottleLimit = $Throttle } } else { @{} }
    switch ($Kind) {
        'module-null' { Get-PartnerReferral -First $Rows -PageSize $PageSize @throttleArgs | Out-Null; return $Rows }
        'module-csv' { Get-PartnerReferral -First $Rows -PageSize $PageSize @throttleArgs | Export-Csv -Path $csv; return -2 }
        'module-export' { Export-PartnerReferral -Path $csv -First $Rows -PageSize $PageSize @throttleArgs; return -2 }
        'pipeline-floor' { Write-Output $script:Ready | Out-Null; return $script:Ready.Count }
        'first-row' { Get-PartnerReferral -PageSize $PageSize | Select-Object -First 1 | Out-Null; return $Rows }
        'irm-null' {
            # The loop a user writes from the documentation: one request at a time, skip advanced by the page.
            $seen = 0
            for ($skip = 0; $skip -lt $Rows; $skip += $PageSize) {
                $top = [Math]::Min($PageSize, $Rows - $skip)
                $page = Invoke-RestMethod -Uri "$base/partner/v1/analytics/referrals?top=$top&skip=$skip" -Headers $bearer -SkipCertificateCheck
                $page.Value | Out-Null
                $seen += $page.Value.Count
            }
            return $seen
        }
        'httpclient-null' {
            $handler = [System.Net.Http.HttpClientHandler]::new()
            $handler.ServerCertificateCustomValidationCallback = [System.Net.Http.HttpClientHandler]::DangerousAcceptAnyServerCertificateValidator
            $client = [System.Net.Http.HttpClient]::new($handler)
            $client.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $env:PARTNERREFERRALS_BENCH_TOKEN)
            $options = [System.Text.Json.JsonSerializerOptions]::new([System.Text.Json.JsonSerializerDefaults]::Web)
            $seen = 0
            try {
                for ($skip = 0; $skip -lt $Rows; $skip += $PageSize) {
                    $top = [Math]::Min($PageSize, $Rows - $skip)
                    $bytes = $client.GetByteArrayAsync("$base/partner/v1/analytics/referrals?top=$top&skip=$skip").GetAwaiter().GetResult()
                    $page = [System.Text.Json.JsonSerializer]::Deserialize([byte[]] $bytes, [ScriptPage], $options)
                    $page.Value | Out-Null
                    $seen += $page.Value.Count
                }
            }
            finally {
                $client.Dispose()
            }
            return $seen
        }
        default { throw "Unknown pull '$Kind'." }
    }
}

[Console]::Out.WriteLine('READY')
while ($null -ne ($line = [Console]::In.ReadLine())) {
    $kind, $rows, $pageSize, $throttle = $line -split ' '
    if ($kind -eq 'exit') { break }
    try {
        if ($kind -eq 'pipeline-floor' -and $script:Ready.Count -ne [int] $rows) {
            # The objects are made before the clock starts: this pull times PowerShell's per-object cost alone.
            $script:Ready = [PartnerReferrals.Models.Referral[]] @(Get-PartnerReferral -First ([int] $rows) -PageSize ([int] $pageSize))
        }
        [GC]::Collect()
        $self = [System.Diagnostics.Process]::GetCurrentProcess()
        $before = $self.WorkingSet64
        $cpu = $self.TotalProcessorTime
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $seen = Invoke-Pull $kind ([int] $rows) ([int] $pageSize) ([int] $throttle)
        $watch.Stop()
        $self.Refresh()
        $result = [ordered] @{
            kind = $kind; seconds = $watch.Elapsed.TotalSeconds; cpuSeconds = ($self.TotalProcessorTime - $cpu).TotalSeconds
            workingSetBeforeBytes = $before; peakWorkingSetBytes = $self.PeakWorkingSet64; rows = $seen
        }
        if ($seen -eq -2) {
            # A file was written: its rows are its lines but the header (no value in this data set spans lines).
            $result.rows = [System.Linq.Enumerable]::Count([System.IO.File]::ReadLines($csv)) - 1
            $result.fileBytes = (Get-Item -LiteralPath $csv).Length
        }
        [Console]::Out.WriteLine('RESULT ' + ($result | ConvertTo-Json -Compress))
    }
    catch {
        [Console]::Out.WriteLine('FAILED ' + ($_ | Out-String).Trim().Replace("`n", ' '))
    }
}
Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
