#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The parameters every query cmdlet shares, said once (issue 17): each behaviour is asked of all five query cmdlets,
# and the shared parameters are read from Get-Command, never listed here.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:QueryCommands = 'Get-PartnerReferral', 'Export-PartnerReferral', 'Get-PartnerReferralSummary', 'Measure-PartnerReferral', 'Export-PartnerReferralReport'
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    # What all five take, as PowerShell sees them: the shared query parameters.
    $shared = $null
    foreach ($name in $script:QueryCommands) {
        $names = @((Get-Command $name).Parameters.Keys | Where-Object { $_ -notin $common })
        $shared = if ($null -eq $shared) { $names } else { @($shared | Where-Object { $_ -in $names }) }
    }
    $script:SharedParameters = @((Get-Command Measure-PartnerReferral).Parameters.Values | Where-Object Name -In $shared | ForEach-Object {
            @{ Name = $_.Name; Type = $_.ParameterType }
        })
    $script:InputCommands = 'Measure-PartnerReferral', 'Export-PartnerReferralReport'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 300
    $script:ClientId = [guid]::NewGuid().ToString()
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    $script:Five = @(Get-PartnerReferral -First 5)

    # The arguments each query cmdlet needs besides the one under test.
    function Get-RequiredArguments([string] $Command) {
        switch ($Command) {
            'Get-PartnerReferral' { @{ First = 1 } }
            'Export-PartnerReferral' { @{ Path = (Join-Path $TestDrive 'rows.csv'); First = 1 } }
            'Get-PartnerReferralSummary' { @{ GroupBy = 'status' } }
            'Measure-PartnerReferral' { @{} }
            'Export-PartnerReferralReport' { @{ Path = (Join-Path $TestDrive 'report.html') } }
        }
    }

    # A value of the parameter's type, as a user would type it.
    function Get-SampleValue([type] $Type) {
        switch ($Type) {
            ([datetime]) { [datetime] '2020-01-01' }
            ([int]) { 5 }
            # Two letters, which the market parameters require (another value is refused as no market code); the
            # other lists only warn about a value they do not know.
            ([string[]]) { @('US') }
            default { 'x' }
        }
    }

    # A fresh `pwsh -NonInteractive`, as a runbook runs, signed in to the test's emulator; its whole output as text.
    function Invoke-NonInteractive([string] $Script) {
        $pwsh = Get-PowerShellCommand
        $prelude = "Import-Module '$(Get-PackagedModulePath)'; " +
            "Connect-PartnerReferrals -Environment Emulator -EmulatorFile '$($script:Emulator.PublishFile)' -UseDeviceCode -ClientId $($script:ClientId) -WarningAction SilentlyContinue | Out-Null; "
        $output = & $pwsh.FilePath @($pwsh.ArgumentList) -NoProfile -NonInteractive -Command ($prelude + $Script) 2>&1
        [pscustomobject] @{ ExitCode = $LASTEXITCODE; Text = ($output | Out-String -Width 400) }
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'The shared query parameters' {
    It 'include -ThrottleLimit, -ChangedSince and the filters on every query cmdlet' -ForEach @{ Shared = $script:SharedParameters.Name } {
        foreach ($name in 'ThrottleLimit', 'ChangedSince', 'PageSize', 'Status', 'CustomerMarket', 'PartnerMarket', 'CustomerOrgSize', 'CustomerName', 'DateField', 'After', 'Before', 'Filter') {
            $Shared | Should -Contain $name
        }
    }
}

Describe '-Debug in pwsh -NonInteractive (a runbook): trace lines go to the host and nothing prompts' {
    It '<_> -Debug writes the HTTP trace and its result, with no NonInteractive error' -ForEach $script:InputCommands {
        $call = if ($_ -eq 'Measure-PartnerReferral') { 'Measure-PartnerReferral -PageSize 100 -Debug | ForEach-Object { "CREATED=$($_.Created)" }' }
        else { "(Export-PartnerReferralReport -Path '$(Join-Path $TestDrive 'debug.html')' -PageSize 100 -PassThru -Debug) | ForEach-Object { ""CREATED=`$(`$_.Referrals)"" }" }
        $run = Invoke-NonInteractive $call
        $run.Text | Should -Not -Match 'NonInteractive'
        $run.Text | Should -Match 'DEBUG: HTTP GET'
        $run.Text | Should -Match ("CREATED={0}" -f $script:Emulator.Referrals)
        $run.ExitCode | Should -Be 0
    }
}

Describe 'Piped referrals refuse every shared query parameter, which could only apply to a query' {
    It 'refuses the issue''s example: Get-PartnerReferral -First 5 | Measure-PartnerReferral -ChangedSince 2020-01-01' {
        $err = { Get-PartnerReferral -First 5 | Measure-PartnerReferral -ChangedSince 2020-01-01 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.FilterWithPipelineInput,*'
        $err.TargetObject | Should -Be 'ChangedSince'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Where-Object'
    }

    It '<Command> refuses -<Name> next to piped referrals' -ForEach @(
        foreach ($command in $script:InputCommands) {
            foreach ($parameter in $script:SharedParameters) { @{ Command = $command; Name = $parameter.Name; Type = $parameter.Type } }
        }
    ) {
        $arguments = Get-RequiredArguments $Command
        $arguments[$Name] = Get-SampleValue $Type
        $err = { $script:Five | & $Command @arguments -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.FilterWithPipelineInput,*'
        $err.TargetObject | Should -Be $Name
    }
}

Describe 'A shared parameter that does not apply as given is named in a warning, by every query cmdlet' {
    It '<_> warns that -DateField without -After or -Before is ignored' -ForEach $script:QueryCommands {
        $arguments = Get-RequiredArguments $_
        & $_ @arguments -DateField wonDate -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Be '-DateField wonDate is ignored: it applies only with -After or -Before, and neither was given.'
    }

    It '<_> does not warn when -DateField comes with -After' -ForEach $script:QueryCommands {
        $arguments = Get-RequiredArguments $_
        & $_ @arguments -DateField wonDate -After 2020-01-01 -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        $warned.Count | Should -Be 0
    }
}

Describe 'File paths resolve through one helper: only on the file system, with one error' {
    BeforeAll {
        function Get-PathFailure([scriptblock] $Command) {
            try { & $Command; $null } catch { $_ }
        }
    }

    It '<Name> refuses a path on the Variable provider as PartnerReferrals.Export.NotFileSystemPath' -ForEach @(
        @{ Name = 'Export-PartnerReferral -Path'; Parameter = 'Path'; Run = { Export-PartnerReferral -Path 'Variable:\x' -ErrorAction Stop } }
        @{ Name = 'Export-PartnerReferralReport -Path'; Parameter = 'Path'; Run = { Export-PartnerReferralReport -Path 'Variable:\x' -ErrorAction Stop } }
        @{ Name = 'Export-PartnerReferralReport -Path with piped referrals'; Parameter = 'Path'; Run = { $script:Five | Export-PartnerReferralReport -Path 'Variable:\x' -ErrorAction Stop } }
        @{ Name = 'Connect-PartnerReferrals -EmulatorFile'; Parameter = 'EmulatorFile'; Run = { Connect-PartnerReferrals -Environment Emulator -EmulatorFile 'Variable:\x' -UseDeviceCode -ClientId $script:ClientId -ErrorAction Stop } }
    ) {
        $err = Get-PathFailure $Run
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Export.NotFileSystemPath,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'Variable:\x'
        $err.ErrorDetails.Message | Should -Be "-${Parameter}: 'Variable:\x' is not a file system path (it is on the Variable provider)."
        $err.ErrorDetails.RecommendedAction | Should -Be "Give -$Parameter a path on the file system, relative to the current location or full."
        Test-Path 'Variable:\x' | Should -BeFalse
    }

    It 'the two Export cmdlets word a missing folder the same, each with the id it always had' {
        $folder = Join-Path $TestDrive 'missing'
        $csv = Get-PathFailure { Export-PartnerReferral -Path (Join-Path $folder 'rows.csv') -ErrorAction Stop }
        $html = Get-PathFailure { Export-PartnerReferralReport -Path (Join-Path $folder 'report.html') -ErrorAction Stop }
        $csv.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Export.FolderNotFound,*'
        $html.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Insights.InvalidPath,*'
        $csv.ErrorDetails.Message | Should -Be "-Path: the folder '$folder' does not exist."
        $html.ErrorDetails.Message | Should -Be $csv.ErrorDetails.Message
        $html.ErrorDetails.RecommendedAction | Should -Be $csv.ErrorDetails.RecommendedAction
    }
}
