#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# artifacts/PartnerReferrals.zip, which build.ps1 -Task Package writes for Azure Automation's module import: a zip named
# after the module holding one folder of the same name with the manifest inside (the layout build.ps1's
# New-AutomationZip explains, from Azure Automation's documentation). Azure itself cannot be reached here: the test
# checks that layout and does what Automation does with it, unpack it into a module folder and import it by name.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'PackageHelpers.psm1') -Force
    Add-Type -AssemblyName System.IO.Compression
    $script:Root = Get-RepositoryRoot
    $script:Zip = Join-Path $script:Root 'artifacts/PartnerReferrals.zip'
    $script:ModuleDirectory = Split-Path -Parent (Get-PackagedModulePath)
    $script:Emulator = Start-TestEmulator -Referrals 80

    function Get-ZipEntryName {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Zip)
        try { @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'artifacts/PartnerReferrals.zip' {
    It 'holds one folder named after the module, the manifest directly in it, and no version folder' {
        $script:Zip | Should -Exist
        $entries = Get-ZipEntryName

        @($entries | ForEach-Object { ($_ -split '/')[0] } | Sort-Object -Unique) | Should -Be @('PartnerReferrals')
        $entries | Should -Contain 'PartnerReferrals/PartnerReferrals.psd1'
        $entries | Should -Contain 'PartnerReferrals/PartnerReferrals.dll'
        $entries | Should -Not -Match '^PartnerReferrals/\d+\.\d+'
        # Entry names with '/' only (a '\' would be part of a file name when unpacked on Linux), within Automation's
        # 140-character path limit for module files.
        $entries | Should -Not -Match '\\'
        ($entries | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessThan 140
    }

    It 'holds exactly the files of the packaged module folder' {
        $packaged = Get-ChildItem -LiteralPath $script:ModuleDirectory -Recurse -File |
            ForEach-Object { 'PartnerReferrals/' + [System.IO.Path]::GetRelativePath($script:ModuleDirectory, $_.FullName).Replace('\', '/') } |
            Sort-Object
        Get-ZipEntryName | Sort-Object | Should -Be $packaged
    }

    It 'unpacked into a module folder, imports by name in a fresh pwsh, signs in to the emulator and pulls' {
        $modules = Join-Path $TestDrive 'automation-modules'
        Expand-Archive -LiteralPath $script:Zip -DestinationPath $modules

        $pulled = Invoke-PullByName -DataHome (Join-Path $TestDrive 'home') -EmulatorFile $script:Emulator.PublishFile -ModulePath $modules

        $pulled.ModuleBase | Should -Be (Join-Path $modules 'PartnerReferrals')
        $pulled.Version | Should -Be (Get-DirectoryBuildVersion)
        $pulled.Environment | Should -Be 'Emulator'
        $pulled.Rows | Should -Be $script:Emulator.Referrals
    }
}
