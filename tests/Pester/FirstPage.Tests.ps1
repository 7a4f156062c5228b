#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The short first page in real PowerShell: what the emulator received (its request log) for pulls of 2,500
# referrals, more than the 1,000 the first request asks for and fewer than a full page of 10,000.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-firstpage-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 2500 -ArgumentList '--request-log', $script:Log
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) -WarningAction SilentlyContinue | Out-Null

    # The query strings of the data requests $Pull made, in the order they arrived; $Pull's output in $script:Output.
    function Get-RequestQueries([scriptblock] $Pull) {
        Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
        $script:Output = @(& $Pull)
        Get-Content -LiteralPath $script:Log | ForEach-Object { ([uri]('https://x' + ($_ -split "`t")[3])).Query }
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'The first page of a pull' {
    It 'asks for 1000 referrals first, then the rest at the page size, each once' {
        $queries = @(Get-RequestQueries { Get-PartnerReferral })
        $queries | Should -Be @('?top=1000', '?top=1500&skip=1000')
        $script:Output.Count | Should -Be 2500
        @($script:Output.Id | Sort-Object -Unique).Count | Should -Be 2500
    }

    It 'sends nothing more once Select-Object -First 1 has its referral' {
        $queries = @(Get-RequestQueries { Get-PartnerReferral | Select-Object -First 1 })
        $queries | Should -Be @('?top=1000')
        $script:Output.Count | Should -Be 1
    }

    It 'keeps one full first request for <Name>' -ForEach @(
        @{ Name = '-First 1000'; Pull = { Get-PartnerReferral -First 1000 }; Expected = @('?top=1000'); Rows = 1000 }
        @{ Name = 'Get-PartnerReferral -ThrottleLimit 1'; Pull = { Get-PartnerReferral -ThrottleLimit 1 }; Expected = @('?top=10000'); Rows = 2500 }
        @{ Name = 'Export-PartnerReferral -ThrottleLimit 1'; Pull = { Export-PartnerReferral -Path (Join-Path $TestDrive 'all.csv') -ThrottleLimit 1 -PassThru }; Expected = @('?top=10000'); Rows = 1 }
    ) {
        @(Get-RequestQueries $Pull) | Should -Be $Expected
        $script:Output.Count | Should -Be $Rows
    }

    It 'gives summaries a full first page: they are read whole' {
        $queries = @(Get-RequestQueries { Get-PartnerReferralSummary -GroupBy status })
        $queries.Count | Should -Be 1
        $queries[0] | Should -Match '(^|[?&])top=10000(&|$)'
    }
}
