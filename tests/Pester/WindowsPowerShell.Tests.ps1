#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Windows PowerShell 5.1, checked without Windows. What 5.1 reads of the package before it runs any of it: the
# manifest's keys and encoding, and the files it names. Then the engine on a .NET Framework 4.7.2 runtime: Mono runs
# tests/PartnerReferrals.FrameworkHost, which loads the packaged module as Import-Module does on 5.1 (the module's
# .NET Framework resolver answering for the engine, MSAL and every dependency from dependencies/), signs in to the
# emulator and pulls. The assemblies' targets and references are checked in tests/PartnerReferrals.Module.Tests/
# WindowsPowerShellAssemblyTests.cs; running the cmdlets in 5.1 itself is Isolation.Tests.ps1's 5.1 case, on Windows only.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Manifest = Get-PackagedModulePath
    $script:ModuleDirectory = Split-Path -Parent $script:Manifest
    $script:Mono = Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1

    # Every key a Windows PowerShell 5.1 manifest can hold: the keys of the manifest New-ModuleManifest writes in 5.1, as
    # listed by about_Module_Manifests for 5.1 (learn.microsoft.com/powershell/module/microsoft.powershell.core/about/
    # about_module_manifests?view=powershell-5.1; MicrosoftDocs/PowerShell-Docs, reference/5.1/Microsoft.PowerShell.Core/
    # About/about_Module_Manifests.md), plus ModuleToProcess, the older name of RootModule the same page names. Keys that
    # PowerShell 7 added would make 5.1 refuse the manifest. PrivateData's content is the module's own: 5.1 reads none of it.
    $script:WindowsPowerShellKeys = @(
        'RootModule', 'ModuleToProcess', 'ModuleVersion', 'CompatiblePSEditions', 'GUID', 'Author', 'CompanyName', 'Copyright',
        'Description', 'PowerShellVersion', 'PowerShellHostName', 'PowerShellHostVersion', 'DotNetFrameworkVersion', 'CLRVersion',
        'ProcessorArchitecture', 'RequiredModules', 'RequiredAssemblies', 'ScriptsToProcess', 'TypesToProcess', 'FormatsToProcess',
        'NestedModules', 'FunctionsToExport', 'CmdletsToExport', 'VariablesToExport', 'AliasesToExport', 'DscResourcesToExport',
        'ModuleList', 'FileList', 'PrivateData', 'HelpInfoURI', 'DefaultCommandPrefix'
    )
}

Describe 'The packaged manifest, as Windows PowerShell 5.1 reads it' {
    It 'uses only keys Windows PowerShell 5.1 knows' {
        $keys = @((Import-PowerShellDataFile -Path $script:Manifest).Keys)

        $keys | Should -Not -BeNullOrEmpty
        @($keys | Where-Object { $_ -notin $script:WindowsPowerShellKeys }) | Should -BeNullOrEmpty
    }

    It 'is ASCII or starts with a byte order mark (5.1 reads a .psd1 without one in the ANSI code page)' {
        $bytes = [System.IO.File]::ReadAllBytes($script:Manifest)
        $hasBom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
        $ascii = @($bytes | Where-Object { $_ -gt 0x7F }).Count -eq 0
        ($hasBom -or $ascii) | Should -BeTrue
    }

    It 'claims both editions and .NET Framework 4.7.2, the oldest runtime the assemblies are checked against' {
        $data = Import-PowerShellDataFile -Path $script:Manifest
        $data.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $data.PowerShellVersion | Should -Be '5.1'
        $data.DotNetFrameworkVersion | Should -Be '4.7.2'
    }

    It 'loads exactly the format and types files the package holds, and they exist' {
        $data = Import-PowerShellDataFile -Path $script:Manifest
        $listed = @($data.FormatsToProcess) + @($data.TypesToProcess) | Where-Object { $_ } | ForEach-Object { $_.Replace('\', '/') } | Sort-Object
        $shipped = Get-ChildItem -LiteralPath $script:ModuleDirectory -Recurse -Filter *.ps1xml |
            ForEach-Object { [System.IO.Path]::GetRelativePath($script:ModuleDirectory, $_.FullName).Replace('\', '/') } | Sort-Object

        $listed | Should -Be $shipped
        $listed | Should -Contain 'PartnerReferrals.format.ps1xml'
    }
}

Describe 'The engine on Mono, standing in for .NET Framework 4.7.2' {
    BeforeAll {
        # mono-devel ships the netstandard facades that the package's .NET Standard assemblies need on Mono.
        $script:MonoMissing = if (-not $script:Mono) {
            'Mono is not installed (build.ps1 -Task Test installs Debian''s mono-devel when run as root; elsewhere: apt-get install mono-devel)'
        }
        elseif (-not (Test-Path '/usr/lib/mono/4.5/Facades/netstandard.dll')) {
            'Mono''s netstandard facades are missing (Debian: apt-get install mono-devel)'
        }
        if (-not $script:MonoMissing) {
            $script:Emulator = Start-TestEmulator -Referrals 150
            # The host alone, beside the stub System.Management.Automation: no engine or library of its build output
            # can answer for the package's (Windows PowerShell's own folder holds none of them either).
            $project = Join-Path $PSScriptRoot '../PartnerReferrals.FrameworkHost/PartnerReferrals.FrameworkHost.csproj'
            # dotnet test of the solution builds test projects only, and -getProperty evaluates without building: build first.
            $built = & (Get-DotnetPath) build $project --configuration (Get-TestConfiguration) --nologo 2>&1
            if ($LASTEXITCODE -eq 0) {
                $built = & (Get-DotnetPath) build $project --configuration (Get-TestConfiguration) --nologo '-getProperty:TargetPath' 2>&1
            }
            $exe = ($built | Select-Object -Last 1 | Out-String).Trim()
            if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $exe)) {
                throw "Building the .NET Framework host failed (exit code $LASTEXITCODE):`n$($built -join "`n")"
            }
            $script:HostFolder = Join-Path $TestDrive 'framework-host'
            New-Item -ItemType Directory -Path $script:HostFolder | Out-Null
            Copy-Item -LiteralPath $exe, (Join-Path (Split-Path $exe) 'System.Management.Automation.dll') -Destination $script:HostFolder
            $script:HostExe = Join-Path $script:HostFolder (Split-Path -Leaf $exe)
        }

        function Invoke-FrameworkHost {
            param([Parameter(Mandatory)] [string] $EmulatorFile)
            $output = & $script:Mono.Source $script:HostExe --module $script:ModuleDirectory --emulator-file $EmulatorFile --client-id ([guid]::NewGuid().ToString()) 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
            $result = @{}
            foreach ($line in $output | ForEach-Object { "$_" } | Where-Object { $_ -match '^[A-Za-z.-]+=' }) {
                $key, $value = $line -split '=', 2
                $result[$key] = $value
            }
            Write-Host ($output -join "`n    ")
            $result
        }
    }

    AfterAll {
        Stop-TestEmulator $script:Emulator
    }

    BeforeEach {
        if ($script:MonoMissing) {
            Set-ItResult -Skipped -Because $script:MonoMissing
        }
    }

    It 'loads the package through the module''s .NET Framework resolver, signs in by device code and pulls every referral' {
        $result = Invoke-FrameworkHost -EmulatorFile $script:Emulator.PublishFile

        $result.runtime | Should -BeLike 'Mono *'
        $result.initializer | Should -Be 'PartnerReferrals.Commands.Loading.ModuleAssemblyInitializer'
        # No load contexts here: the module took its Windows PowerShell path, the AppDomain resolver.
        $result.isolates | Should -Be 'False'
        $result.outcome | Should -Be 'ok' -Because $result.error
        $result.'connected-environment' | Should -Be 'Emulator'
        $result.rows | Should -Be $script:Emulator.Referrals
        $result.'row-type' | Should -Be 'PartnerReferrals.Models.Referral'
        # Each came from the package's dependencies/ folder (Mono's own System.Memory and System.Text.Json too old).
        foreach ($name in 'PartnerReferrals.Engine', 'Microsoft.Identity.Client', 'System.Text.Json', 'System.Memory') {
            $result."loaded-$name" | Should -BeLike '*@dependencies' -Because "$name must come from the package"
        }
    }

    It 'refuses the emulator when its certificate is not the pinned one (TLS validation runs on this runtime too)' {
        $json = Get-Content -Raw $script:Emulator.PublishFile | ConvertFrom-Json
        $json.certificateThumbprint = '0' * 64
        $altered = Join-Path $TestDrive 'altered-emulator.json'
        $json | ConvertTo-Json | Set-Content -Path $altered

        $result = Invoke-FrameworkHost -EmulatorFile $altered

        $result.outcome | Should -Be 'failed'
        $result.'error-id' | Should -Be 'PartnerReferrals.Http.CertificateRejected'
    }
}
