#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Export-PartnerReferral in real PowerShell against the packaged module and the emulator: the file it writes is
# held to what `Get-PartnerReferral | Export-Csv` writes, read back by Import-Csv.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:ClientId = [guid]::NewGuid().ToString()
    $script:Emulator = Start-TestEmulator -Referrals 1000
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) ("partnerreferrals-export {0}" -f [guid]::NewGuid())
    New-Item -ItemType Directory -Path $script:Folder | Out-Null

    function Connect-TestEmulator($Emulator) {
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    }

    function New-TestPath([string] $Name) { Join-Path $script:Folder ("{0}-{1}" -f [guid]::NewGuid().ToString('N').Substring(0, 8), $Name) }

    # A date column as a UTC instant, whichever way the file wrote it (Export-Csv: the culture's text; ours: ISO 8601).
    function ConvertTo-Instant([string] $Text) {
        if ($Text -eq '') { return '' }
        $styles = [System.Globalization.DateTimeStyles]::AssumeUniversal -bor [System.Globalization.DateTimeStyles]::AdjustToUniversal
        [datetime]::Parse($Text, [cultureinfo]::CurrentCulture, $styles).ToString('o')
    }

    function Get-Values($Rows) {
        foreach ($row in $Rows) {
            ($row.PSObject.Properties | ForEach-Object { if ($_.Name -like '*Date') { ConvertTo-Instant $_.Value } else { $_.Value } }) -join "`u{1f}"
        }
    }

    Connect-TestEmulator $script:Emulator
    $script:Reference = New-TestPath 'reference.csv'
    Get-PartnerReferral | Export-Csv -Path $script:Reference
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Get-ChildItem -LiteralPath $script:Folder -File -Recurse -Force -ErrorAction SilentlyContinue | ForEach-Object { $_.IsReadOnly = $false }
    Remove-Item -LiteralPath $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Export-PartnerReferral' {
    BeforeAll {
        $script:Exported = New-TestPath 'referrals.csv'
        Export-PartnerReferral -Path $script:Exported
    }

    It 'writes the header Export-Csv writes for Referral objects, byte for byte' {
        (Get-Content -LiteralPath $script:Exported -TotalCount 1) | Should -BeExactly (Get-Content -LiteralPath $script:Reference -TotalCount 1)
    }

    It 'writes the same rows and values as Get-PartnerReferral | Export-Csv, read back by Import-Csv' {
        $ours = @(Import-Csv -LiteralPath $script:Exported)
        $theirs = @(Import-Csv -LiteralPath $script:Reference)
        $ours.Count | Should -Be 1000
        Get-Values $ours | Should -Be @(Get-Values $theirs)
    }

    It 'writes dates as ISO 8601 UTC and quotes every value' {
        $row = @(Import-Csv -LiteralPath $script:Exported) | Where-Object AcceptedDate | Select-Object -First 1
        $row.CreatedDate | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        $row.AcceptedDate | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        (Get-Content -LiteralPath $script:Exported -TotalCount 2)[1] | Should -Match '^"[^"]+","'
    }

    It 'writes UTF-8 without a byte order mark, with RFC 4180 CRLF line breaks' {
        $bytes = [System.IO.File]::ReadAllBytes($script:Exported)
        [char] $bytes[0] | Should -Be '"'
        $text = [System.Text.Encoding]::UTF8.GetString($bytes)
        ([regex]::Matches($text, "`r`n")).Count | Should -Be 1001
        ([regex]::Matches($text, "(?<!`r)`n")).Count | Should -Be 0
    }

    It 'leaves no temporary file beside the target' {
        Get-ChildItem -LiteralPath $script:Folder -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }
}

Describe 'Export-PartnerReferral -Append' {
    It 'adds a later pull without a second header, giving the whole result' {
        $path = New-TestPath 'appended.csv'
        Export-PartnerReferral -Path $path -First 400
        Export-PartnerReferral -Path $path -Skip 400 -Append

        @(Get-Content -LiteralPath $path | Where-Object { $_ -like '"Id",*' }).Count | Should -Be 1
        Get-Values @(Import-Csv -LiteralPath $path) | Should -Be @(Get-Values @(Import-Csv -LiteralPath $script:Reference))
    }

    It 'appends to a file with LF line breaks, keeping them' {
        # A file of Export-Csv is refused for its dates (CsvDates.Tests.ps1): this one is ours, its breaks made LF.
        $path = New-TestPath 'lf.csv'
        Export-PartnerReferral -Path $path -First 10
        [System.IO.File]::WriteAllText($path, [System.IO.File]::ReadAllText($path).Replace("`r`n", "`n"))
        Export-PartnerReferral -Path $path -Skip 10 -First 5 -Append

        @(Import-Csv -LiteralPath $path).Count | Should -Be 15
        [System.IO.File]::ReadAllText($path) | Should -Not -Match "`r`n"
    }

    It 'creates a missing file with its header' {
        $path = New-TestPath 'new.csv'
        Export-PartnerReferral -Path $path -First 3 -Append
        @(Import-Csv -LiteralPath $path).Count | Should -Be 3
    }

    It 'refuses a file with another header, naming -Append, and leaves it as it was' {
        $path = New-TestPath 'other.csv'
        [pscustomobject] @{ Name = 'x'; Size = 1 } | Export-Csv -Path $path
        $before = Get-Content -LiteralPath $path -Raw

        { Export-PartnerReferral -Path $path -Append -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.HeaderMismatch*'
        $Error[0].Exception.Message | Should -BeLike '*-Append*'
        Get-Content -LiteralPath $path -Raw | Should -BeExactly $before
    }
}

Describe 'Export-PartnerReferral -NoClobber and -Force' {
    It 'refuses to replace a file with -NoClobber, naming it, and leaves the file as it was' {
        $path = New-TestPath 'kept.csv'
        Set-Content -LiteralPath $path -Value 'keep me'

        { Export-PartnerReferral -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.FileExists*'
        $Error[0].Exception.Message | Should -BeLike '*-NoClobber*'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
    }

    It 'writes a new file with -NoClobber' {
        $path = New-TestPath 'fresh.csv'
        Export-PartnerReferral -Path $path -NoClobber -First 5
        @(Import-Csv -LiteralPath $path).Count | Should -Be 5
    }

    It 'replaces an existing file by default, as Export-Csv does' {
        $path = New-TestPath 'replaced.csv'
        Set-Content -LiteralPath $path -Value 'old'
        Export-PartnerReferral -Path $path -First 5
        @(Import-Csv -LiteralPath $path).Count | Should -Be 5
    }

    It 'refuses a read-only file without -Force, naming -Force, and replaces it with -Force' {
        $path = New-TestPath 'readonly.csv'
        Set-Content -LiteralPath $path -Value 'old'
        (Get-Item -LiteralPath $path).IsReadOnly = $true

        { Export-PartnerReferral -Path $path -First 5 -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.FileReadOnly*'
        $Error[0].Exception.Message | Should -BeLike '*-Force*'
        Get-Content -LiteralPath $path | Should -Be 'old'

        Export-PartnerReferral -Path $path -First 5 -Force
        @(Import-Csv -LiteralPath $path).Count | Should -Be 5
    }
}

Describe 'Export-PartnerReferral when the pull fails midway' {
    BeforeAll {
        $script:Failing = Start-TestEmulator -Referrals 1000 -ArgumentList '--fail-after', '3', '--fail-status', '400'
        Connect-TestEmulator $script:Failing
    }

    AfterAll {
        Stop-TestEmulator $script:Failing
        Connect-TestEmulator $script:Emulator
    }

    It 'leaves no file at all where there was none, and says it wrote nothing' {
        $path = New-TestPath 'failed.csv'
        { Export-PartnerReferral -Path $path -PageSize 100 -ErrorAction Stop } | Should -Throw
        $Error[0].Exception.Message | Should -BeLike "*Nothing was written to '$path'*"
        $Error[0].Exception.Message | Should -BeLike '*after reading * of 1,000 referrals*'
        Test-Path -LiteralPath $path | Should -BeFalse
        Get-ChildItem -LiteralPath $script:Folder -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'leaves an existing file exactly as it was' {
        $path = New-TestPath 'existing.csv'
        Copy-Item -LiteralPath $script:Reference -Destination $path
        { Export-PartnerReferral -Path $path -PageSize 100 -ErrorAction Stop } | Should -Throw
        (Get-FileHash -LiteralPath $path).Hash | Should -Be (Get-FileHash -LiteralPath $script:Reference).Hash
    }

    It 'appends nothing with -Append, and says so' {
        $path = New-TestPath 'append-failed.csv'
        # A file -Append takes (its dates ISO 8601 UTC), written here: this emulator fails after three requests.
        Set-Content -LiteralPath $path -Value (Get-Content -LiteralPath $script:Reference -TotalCount 1), '"1","Won",,,,,"2024-03-01T10:42:54Z",,,,,,,,,'
        $before = (Get-FileHash -LiteralPath $path).Hash
        { Export-PartnerReferral -Path $path -PageSize 100 -Append -ErrorAction Stop } | Should -Throw
        $Error[0].Exception.Message | Should -BeLike "*Nothing was appended to '$path'*"
        (Get-FileHash -LiteralPath $path).Hash | Should -Be $before
        Get-ChildItem -LiteralPath $script:Folder -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }
}

Describe 'Export-PartnerReferral paths' {
    It 'writes to a path with spaces' {
        $path = Join-Path $script:Folder 'my referrals with spaces.csv'
        Export-PartnerReferral -Path $path -First 7
        @(Import-Csv -LiteralPath $path).Count | Should -Be 7
    }

    It 'resolves a relative path against the PowerShell location, not the process directory' {
        $location = Join-Path $script:Folder 'location'
        New-Item -ItemType Directory -Path $location | Out-Null
        $processDirectory = [System.Environment]::CurrentDirectory
        Push-Location -LiteralPath $location
        try {
            [System.Environment]::CurrentDirectory | Should -Not -Be $location
            Export-PartnerReferral -Path 'relative.csv' -First 4
        }
        finally {
            Pop-Location
        }

        @(Import-Csv -LiteralPath (Join-Path $location 'relative.csv')).Count | Should -Be 4
        Test-Path -LiteralPath (Join-Path $processDirectory 'relative.csv') | Should -BeFalse
    }

    It 'refuses a folder that does not exist, naming -Path' {
        $path = Join-Path $script:Folder 'missing folder/referrals.csv'
        { Export-PartnerReferral -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'PartnerReferrals.Export.FolderNotFound*'
        $Error[0].Exception.Message | Should -BeLike '*-Path*'
    }

    It 'writes nothing with -WhatIf' {
        $path = New-TestPath 'whatif.csv'
        Export-PartnerReferral -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
    }
}

Describe 'Export-PartnerReferral -PassThru' {
    It 'returns the file, the rows written and whether they were appended, and nothing without it' {
        $path = New-TestPath 'passthru.csv'
        $result = Export-PartnerReferral -Path $path -First 2 -PassThru
        $result | Should -BeOfType PartnerReferrals.Models.ReferralExportResult
        $result.Path | Should -Be $path
        $result.Rows | Should -Be 2
        $result.Appended | Should -BeFalse
        $appended = Export-PartnerReferral -Path $path -Skip 2 -First 3 -Append -PassThru
        $appended.Rows | Should -Be 3
        $appended.Appended | Should -BeTrue
        Export-PartnerReferral -Path $path -First 2 | Should -BeNullOrEmpty
    }
}

Describe 'Export-PartnerReferral with filters piped in' {
    It 'writes the rows of every piped object into one file with one header, not only the last one''s' {
        $path = New-TestPath 'piped.csv'
        $statuses = @(Import-Csv -LiteralPath $script:Reference | Select-Object -ExpandProperty Status -Unique | Select-Object -First 2)
        $expected = @(Import-Csv -LiteralPath $script:Reference | Where-Object Status -In $statuses).Count

        $statuses | ForEach-Object { [pscustomobject] @{ Status = $_ } } | Export-PartnerReferral -Path $path

        @(Import-Csv -LiteralPath $path).Count | Should -Be $expected
        @(Import-Csv -LiteralPath $path | Select-Object -ExpandProperty Status -Unique).Count | Should -Be 2
        @(Get-Content -LiteralPath $path | Where-Object { $_ -like '"Id",*' }).Count | Should -Be 1
    }
}
