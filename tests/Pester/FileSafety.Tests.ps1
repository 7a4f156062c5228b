#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Issue 21 item 5, in real PowerShell against the packaged module and the emulator: Export-PartnerReferralReport and
# Disconnect-PartnerReferrals take -WhatIf and -Confirm, the report keeps an existing file with -NoClobber (and a
# read-only one without -Force) as Export-PartnerReferral does, and Ctrl+C during Export-PartnerReferral says what
# became of the file. Prompts and Ctrl+C happen in a child PowerShell, which answers from its standard input and gets
# SIGINT, as a person's terminal would send them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Manifest = Get-PackagedModulePath
    Import-Module $script:Manifest -Force
    $script:Log = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-filesafety-{0}.log" -f [guid]::NewGuid())
    $script:Emulator = Start-TestEmulator -Referrals 300 -ArgumentList '--request-log', $script:Log
    $script:ClientId = [guid]::NewGuid().ToString()
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null

    function Get-RequestCount {
        if (Test-Path -LiteralPath $script:Log) { @(Get-Content -LiteralPath $script:Log).Count } else { 0 }
    }

    function New-TestPath([string] $Name) { Join-Path $TestDrive ("{0}-{1}" -f [guid]::NewGuid().ToString('N').Substring(0, 8), $Name) }

    # A fresh PowerShell signed in to an emulator, then Script. Started, not waited for: the caller writes its answers
    # or stops it, then Complete-ChildShell returns what it wrote.
    function Start-ChildShell {
        param([string] $Script, $Emulator = $script:Emulator, [hashtable] $Environment = @{})
        $prologue = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:Manifest.Replace("'", "''"))'
Connect-PartnerReferrals -Environment Emulator -EmulatorFile '$($Emulator.PublishFile.Replace("'", "''"))' -UseDeviceCode -ClientId $($script:ClientId) -WarningAction SilentlyContinue | Out-Null
`$ErrorActionPreference = 'Continue'
"@
        $shell = Get-PowerShellCommand
        $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($prologue + "`n" + $Script))
        $arguments = @($shell.ArgumentList) + @('-NoProfile', '-EncodedCommand', $encoded)
        # A test run started in the background (nohup, '&' in a script) inherits SIGINT ignored, and so would the child:
        # env (which execs, keeping the process id) gives the child SIGINT's default handling, as a terminal's shell has.
        $info = if ($IsLinux -and (Get-Command env -CommandType Application -ErrorAction Ignore)) {
            [System.Diagnostics.ProcessStartInfo]::new('env')
            $arguments = @('--default-signal=INT', $shell.FilePath) + $arguments
        }
        else {
            [System.Diagnostics.ProcessStartInfo]::new($shell.FilePath)
        }
        foreach ($argument in $arguments) { $info.ArgumentList.Add($argument) }
        $info.UseShellExecute = $false
        $info.RedirectStandardInput = $true
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        foreach ($name in $Environment.Keys) { $info.Environment[$name] = [string] $Environment[$name] }
        $process = [System.Diagnostics.Process]::Start($info)
        [pscustomobject] @{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Error = $process.StandardError.ReadToEndAsync() }
    }

    # Waits for the child to end (killing it after the timeout) and returns everything it wrote, one string.
    function Complete-ChildShell($Child, [int] $TimeoutSeconds = 120) {
        try {
            if (-not $Child.Process.WaitForExit($TimeoutSeconds * 1000)) {
                $Child.Process.Kill($true)
                $Child.Process.WaitForExit()
                throw "The child PowerShell did not end within $TimeoutSeconds s: $($Child.Output.Result) $($Child.Error.Result)"
            }
            $Child.Process.WaitForExit()
            $Child.Output.Result + "`n" + $Child.Error.Result
        }
        finally {
            $Child.Process.Dispose()
        }
    }

    # Runs Script in a child that answers every prompt with Answer.
    function Invoke-ChildShell([string] $Script, [string] $Answer, [hashtable] $Environment = @{}) {
        $child = Start-ChildShell -Script $Script -Environment $Environment
        $child.Process.StandardInput.WriteLine($Answer)
        $child.Process.StandardInput.Close()
        Complete-ChildShell $child
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Item -LiteralPath $script:Log -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Export-PartnerReferralReport -WhatIf and -Confirm' {
    It 'has -WhatIf and -Confirm, at the impact of Export-Csv and Export-PartnerReferral' {
        $command = Get-Command Export-PartnerReferralReport
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be (Get-Command Export-PartnerReferral).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact
    }

    It 'with -WhatIf sends no request and writes nothing, for a query' {
        $path = New-TestPath 'whatif.html'
        $before = Get-RequestCount
        Export-PartnerReferralReport -Path $path -Status Won -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
        Get-RequestCount | Should -Be $before
    }

    It 'with -WhatIf writes nothing and keeps an existing file, for piped referrals' {
        $path = New-TestPath 'whatif-piped.html'
        Set-Content -LiteralPath $path -Value 'keep me'
        Get-PartnerReferral -First 20 | Export-PartnerReferralReport -Path $path -WhatIf
        Get-Content -LiteralPath $path | Should -Be 'keep me'
    }

    It 'with -Confirm asks what it will write; No sends nothing and writes nothing, Yes writes the report' {
        $path = New-TestPath 'confirm.html'
        $before = Get-RequestCount
        $said = Invoke-ChildShell -Answer 'n' -Script "Export-PartnerReferralReport -Path '$path' -Confirm; 'written: ' + (Test-Path '$path')"
        $said | Should -Match 'Write the referrals report'
        $said | Should -Match ([regex]::Escape($path))
        $said | Should -Match 'written: False'
        Get-RequestCount | Should -Be $before

        $said = Invoke-ChildShell -Answer 'y' -Script "Export-PartnerReferralReport -Path '$path' -Confirm -PassThru | ForEach-Object { 'referrals: ' + `$_.Referrals }"
        $said | Should -Match 'referrals: 300'
        Get-Content -Raw -LiteralPath $path | Should -Match '<html'
    }
}

Describe 'Export-PartnerReferralReport -NoClobber and -Force' {
    It 'replaces an existing file by default, as Export-Csv does' {
        $path = New-TestPath 'replaced.html'
        Set-Content -LiteralPath $path -Value 'old'
        Export-PartnerReferralReport -Path $path
        Get-Content -Raw -LiteralPath $path | Should -Match '<html'
    }

    It 'refuses to replace a file with -NoClobber before any request, with Export-PartnerReferral''s error id and words' {
        $path = New-TestPath 'kept.html'
        Set-Content -LiteralPath $path -Value 'keep me'
        $before = Get-RequestCount

        { Export-PartnerReferralReport -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.FileExists,*'
        $report = $Error[0]
        Get-RequestCount | Should -Be $before
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        { Export-PartnerReferral -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.FileExists,*'
        $csv = $Error[0]

        $report.Exception.Message | Should -BeLike "*-NoClobber: the file '$path' already exists.*"
        $report.ErrorDetails.Message | Should -Be $csv.ErrorDetails.Message
        $report.TargetObject | Should -Be $csv.TargetObject
        $report.CategoryInfo.Category | Should -Be 'InvalidArgument'
        # The same advice, less the -Append the report does not have.
        $report.ErrorDetails.RecommendedAction | Should -Be 'Leave out -NoClobber to replace it, or choose another -Path.'
        $csv.ErrorDetails.RecommendedAction | Should -Match '-Append'
    }

    It 'refuses with -NoClobber for piped referrals too, and writes a new file with it' {
        $path = New-TestPath 'kept-piped.html'
        Set-Content -LiteralPath $path -Value 'keep me'
        { Get-PartnerReferral -First 5 | Export-PartnerReferralReport -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.FileExists,*'
        Get-Content -LiteralPath $path | Should -Be 'keep me'

        $fresh = New-TestPath 'fresh.html'
        (Export-PartnerReferralReport -Path $fresh -NoClobber -PassThru).Referrals | Should -Be 300
    }

    It 'refuses a read-only file without -Force, as Export-PartnerReferral does, and replaces it with -Force' {
        $path = New-TestPath 'readonly.html'
        Set-Content -LiteralPath $path -Value 'old'
        (Get-Item -LiteralPath $path).IsReadOnly = $true

        { Export-PartnerReferralReport -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.FileReadOnly,*'
        $Error[0].ErrorDetails.Message | Should -Be "The file '$path' is read-only."
        $Error[0].ErrorDetails.RecommendedAction | Should -Be 'Add -Force to replace it anyway.'
        Get-Content -LiteralPath $path | Should -Be 'old'

        Export-PartnerReferralReport -Path $path -Force
        Get-Content -Raw -LiteralPath $path | Should -Match '<html'
    }
}

Describe 'Disconnect-PartnerReferrals -WhatIf and -Confirm' {
    BeforeAll {
        $script:Data = Join-Path $TestDrive 'data'
        $script:SavedData = $env:XDG_DATA_HOME
    }

    AfterAll {
        $env:XDG_DATA_HOME = $script:SavedData
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    It 'with -WhatIf keeps the session' {
        Disconnect-PartnerReferrals -WhatIf
        Get-PartnerReferralsContext | Should -Not -BeNullOrEmpty
        (Get-PartnerReferral -First 1).Id | Should -Not -BeNullOrEmpty
    }

    It 'with -ClearPersistedCache -WhatIf keeps the session and the persisted token cache' {
        # The cache goes to a folder of this test (LocalApplicationData follows XDG_DATA_HOME), never the user's.
        $env:XDG_DATA_HOME = $script:Data
        try {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -ContextScope CurrentUser -AllowPlaintextCache -WarningAction SilentlyContinue | Out-Null
            $cache = @(Get-ChildItem -Recurse -File -LiteralPath $script:Data | Where-Object Name -Like 'msal.cache*')
            $cache | Should -Not -BeNullOrEmpty

            Disconnect-PartnerReferrals -ClearPersistedCache -WhatIf

            Get-PartnerReferralsContext | Should -Not -BeNullOrEmpty
            $cache.FullName | Should -Exist
        }
        finally {
            $env:XDG_DATA_HOME = $script:SavedData
        }
    }

    It 'with -ClearPersistedCache -Confirm asks; No keeps the cache, Yes deletes it' {
        $data = Join-Path $TestDrive 'child-data'
        $environment = @{ XDG_DATA_HOME = $data }
        $script = @'
Connect-PartnerReferrals -Environment Emulator -EmulatorFile $env:PARTNERREFERRALS_TEST_EMULATOR -UseDeviceCode -ClientId ([guid]::NewGuid()) -ContextScope CurrentUser -AllowPlaintextCache -WarningAction SilentlyContinue | Out-Null
'cache before: ' + @(Get-ChildItem -Recurse -File $env:XDG_DATA_HOME -Filter 'msal.cache*').Count
Disconnect-PartnerReferrals -ClearPersistedCache -Confirm
'cache after: ' + @(Get-ChildItem -Recurse -File $env:XDG_DATA_HOME -Filter 'msal.cache*').Count
'connected: ' + [bool] (Get-PartnerReferralsContext)
'@
        $environment.PARTNERREFERRALS_TEST_EMULATOR = $script:Emulator.PublishFile

        $said = Invoke-ChildShell -Answer 'n' -Script $script -Environment $environment
        $said | Should -Match 'Sign out and delete the persisted token cache'
        $said | Should -Match 'cache before: [1-9]'
        $before = [regex]::Match($said, 'cache before: (\d+)').Groups[1].Value
        $said | Should -Match "cache after: $before"
        $said | Should -Match 'connected: True'

        $said = Invoke-ChildShell -Answer 'y' -Script $script -Environment $environment
        $said | Should -Match 'cache after: 0'
        $said | Should -Match 'connected: False'
    }
}

Describe 'Ctrl+C during Export-PartnerReferral' {
    BeforeAll {
        # Slow pages, so the stop comes while the pull is under way: the first request asks for 1,000 referrals, so
        # there must be far more than that (with 1,000 the first page was the whole pull and could end before Ctrl+C).
        $script:Slow = Start-TestEmulator -Referrals 5000 -ArgumentList '--latency', '200'
    }

    AfterAll {
        Stop-TestEmulator $script:Slow
    }

    It 'keeps the old file and says so, as a warning the terminal shows' {
        if (-not $IsLinux -and -not $IsMacOS) {
            Set-ItResult -Skipped -Because 'Ctrl+C is sent as SIGINT, which only Linux and macOS have'
            return
        }
        $folder = Join-Path $TestDrive 'stopped'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $path = Join-Path $folder 'referrals.csv'
        Set-Content -LiteralPath $path -Value 'the old file'
        # The child runs pwsh itself (pwsh, or dotnet running pwsh.dll in its own process): SIGINT goes to PowerShell.
        $child = Start-ChildShell -Emulator $script:Slow -Script "Export-PartnerReferral -Path '$path' -PageSize 10 -ThrottleLimit 1; 'finished'"
        try {
            # The export writes into a temporary file beside the target from its first request on.
            $deadline = [datetime]::UtcNow.AddSeconds(90)
            while (-not (Get-ChildItem -LiteralPath $folder -Force -Filter '*.partial') -and [datetime]::UtcNow -lt $deadline -and -not $child.Process.HasExited) {
                Start-Sleep -Milliseconds 100
            }
            Get-ChildItem -LiteralPath $folder -Force -Filter '*.partial' | Should -Not -BeNullOrEmpty -Because 'the export must be under way'
            Start-Sleep -Milliseconds 500
            & kill -s INT $child.Process.Id
        }
        finally {
            $said = Complete-ChildShell $child
        }

        $said | Should -Not -Match 'finished'
        $said | Should -Match "WARNING: The export was stopped after reading [\d,]+ of 5,000 referrals\. Nothing was written to '$([regex]::Escape($path))': the file there is as it was before\."
        Get-Content -LiteralPath $path | Should -Be 'the old file'
        Get-ChildItem -LiteralPath $folder -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }
}
