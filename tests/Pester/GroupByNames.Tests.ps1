#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# One thing, one name or the other (issue 21 item 16): Measure-PartnerReferral's createdMonth and
# Get-PartnerReferralSummary's createdDate -AggregationLevel Month are accepted by both, give equal results, are both
# offered by completion, and the help says so.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 300
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId ([guid]::NewGuid()) | Out-Null

    function script:Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Get-PartnerReferralSummary' {
    It 'takes -GroupBy <Bucket> as <Field> -AggregationLevel <Level>, with equal rows and the same table' -ForEach @(
        @{ Bucket = 'createdMonth'; Field = 'createdDate'; Level = 'Month' }
        @{ Bucket = 'wonWeek'; Field = 'wonDate'; Level = 'Week' }
    ) {
        $byBucket = @(Get-PartnerReferralSummary -GroupBy status, $Bucket)
        $byLevel = @(Get-PartnerReferralSummary -GroupBy status, $Field -AggregationLevel $Level)

        ($byBucket | ConvertTo-Json -Compress) | Should -Be ($byLevel | ConvertTo-Json -Compress)
        ($byBucket | Out-String -Width 120) | Should -Be ($byLevel | Out-String -Width 120)
        $byBucket[0].AggregationLevel | Should -Be $Level
    }

    It 'refuses a bucket and an -AggregationLevel that differ, naming -AggregationLevel' {
        $err = { Get-PartnerReferralSummary -GroupBy createdMonth -AggregationLevel Week } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Query.ConflictingAggregationLevel*'
        $err.Exception.Message | Should -Match '-AggregationLevel Week'
    }

    It 'offers the buckets beside the fields in completion' {
        Get-Completion 'Get-PartnerReferralSummary -GroupBy created' | Should -Be 'createdDate', 'createdDay', 'createdWeek', 'createdMonth'
    }
}

Describe 'Measure-PartnerReferral' {
    It 'takes -GroupBy createdDate -AggregationLevel <Level> as created<Level>, from a query and from the pipeline' -ForEach @(
        @{ Level = 'Month' }
        @{ Level = 'Week' }
    ) {
        $byBucket = @(Measure-PartnerReferral -GroupBy status, "created$Level")
        $byLevel = @(Measure-PartnerReferral -GroupBy status, createdDate -AggregationLevel $Level)
        ($byLevel | ConvertTo-Json -Compress) | Should -Be ($byBucket | ConvertTo-Json -Compress)
        $byLevel[0].GroupBy | Should -Be "status,created$Level"
        $byLevel[0].Interval | Should -Be $Level

        $piped = @(Get-PartnerReferral | Measure-PartnerReferral -GroupBy status, createdDate -AggregationLevel $Level)
        ($piped | ConvertTo-Json -Compress) | Should -Be ($byBucket | ConvertTo-Json -Compress)
    }

    It 'buckets createdDate by day when no -AggregationLevel is given, as the summary does' {
        (Measure-PartnerReferral -GroupBy createdDate | ConvertTo-Json -Compress) | Should -Be (Measure-PartnerReferral -GroupBy createdDay | ConvertTo-Json -Compress)
    }

    It 'refuses a bucket and an -AggregationLevel that differ, naming -AggregationLevel' {
        $err = { Measure-PartnerReferral -GroupBy createdMonth -AggregationLevel Day } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.ConflictingAggregationLevel*'
    }

    It 'offers createdDate beside the buckets in completion, and the levels of -AggregationLevel' {
        Get-Completion 'Measure-PartnerReferral -GroupBy created' | Should -Be 'createdDate', 'createdDay', 'createdWeek', 'createdMonth'
        Get-Completion 'Measure-PartnerReferral -GroupBy createdDate -AggregationLevel ' | Should -Be 'Day', 'Month', 'Week'
    }
}

Describe 'The help' {
    It 'of <Command> -GroupBy names both ways' -ForEach @(
        @{ Command = 'Get-PartnerReferralSummary' }
        @{ Command = 'Measure-PartnerReferral' }
    ) {
        $text = (Get-Help $Command -Parameter GroupBy | Out-String) -replace '\s+', ' '
        $text | Should -Match 'createdMonth'
        $text | Should -Match 'createdDate -AggregationLevel Month'
    }
}
