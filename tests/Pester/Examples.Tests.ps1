#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Every example a reader meets runs as written (issue 21 item 7): each ```powershell block of README.md, each example of
# Get-Help -Examples and each example of about_PartnerReferrals, against the data the README tells the reader to start
# (the emulator with the options of its "Against the emulator by hand" block), in the order a reader meets them.
#
# Each top-level statement of an example runs on its own, in one scope per example (in strict mode 1, so a variable the
# example never sets is an error), and is held to what it shows: no error and no warning; a statement that queries (Get-PartnerReferral, Get-PartnerReferralSummary,
# Measure-PartnerReferral, Export-PartnerReferral, Export-PartnerReferralReport) returns data, writes a file that holds
# data, or fills the variable it assigns; every file a statement writes holds data (a CSV rows, a report referrals).
#
# The emulator stands in for Partner Center, as in the examples themselves: Connect-PartnerReferrals gets
# -Environment Emulator, the examples' tenant contoso.onmicrosoft.com becomes 'organizations' (which every tenant
# answers to), Get-Secret returns the emulator's refresh token and the app's credential a vault would hold, Read-Host
# returns an access token, and ./emulator.json is the file the running emulator published. Examples that only a
# person, Azure, a certificate store or a real proxy can run are listed below with the reason and only parsed.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'PackageHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $root = Get-RepositoryRoot

    # The README: every ```powershell block, numbered; one that contains a key below is only parsed, for the reason given.
    $script:ReadmeNotRun = [ordered] @{
        'Connect-PartnerReferrals -TenantId contoso.onmicrosoft.com -ClientId' = 'it signs in through a browser, where a person signs in'
        'Install-PSResource -Name PartnerReferrals' = 'it installs into the reader''s own modules folder: Gallery.Tests.ps1 runs it as written, in a PowerShell whose home is a temporary folder'
        'Copy-Item -Recurse -Force -Path ./artifacts/module/PartnerReferrals' = 'it copies into the reader''s own modules folder: Gallery.Tests.ps1 runs it as written, in a PowerShell whose home is a temporary folder'
        '-Proxy http://proxy.contoso.com:8080' = 'it needs the organization''s proxy: Proxy.Tests.ps1 signs in through a real one'
        'Set-AutomationVariable' = 'it needs a SecretManagement vault, an Azure Automation account and an Azure key vault: RefreshTokenRotation.Tests.ps1 runs the same cycle with an Export-Clixml file as the store'
    }
    $readme = Get-Content -Raw -Path (Join-Path $root 'README.md')
    $number = 0
    $script:ReadmeExamples = foreach ($match in [regex]::Matches($readme, '(?ms)^```powershell\r?\n(.*?)^```')) {
        $number++
        $code = $match.Groups[1].Value
        $line = $readme.Substring(0, $match.Index).Split("`n").Count + 1
        @{
            Number = $number
            Line   = $line
            Title  = ($code.Split("`n") | Where-Object { $_ -match '\S' -and $_ -notmatch '^\s*#' } | Select-Object -First 1).Trim()
            Code   = $code
            Skip   = @($script:ReadmeNotRun.Keys | Where-Object { $code.Contains($_) } | ForEach-Object { $script:ReadmeNotRun[$_] }) | Select-Object -First 1
        }
    }
    # Each entry of the list must still name a block, or the list would excuse nothing while looking as if it did.
    $script:ReadmeNotRunCases = foreach ($key in $script:ReadmeNotRun.Keys) {
        @{ Key = $key; Blocks = @($script:ReadmeExamples | Where-Object { $_.Code.Contains($key) }).Count }
    }

    # Get-Help -Examples of every command, as Get-Help shows them.
    $helpNotRun = @{
        'Connect-PartnerReferrals 1' = 'it signs in through a browser, where a person signs in'
        'Connect-PartnerReferrals 4' = 'it needs the app''s certificate in the user''s certificate store'
        'Connect-PartnerReferrals 5' = 'it needs the app''s certificate file and its password in a vault: Certificates.Tests.ps1 signs in with a PFX file, its password and a certificate object against the emulator'
        'Connect-PartnerReferrals 8' = 'it needs the organization''s proxy (Proxy.Tests.ps1 signs in through a real one)'
        'Get-PartnerReferralsRefreshToken 3' = 'it needs a SecretManagement vault, an Azure Automation account and an Azure key vault: RefreshTokenRotation.Tests.ps1 runs the same cycle with an Export-Clixml file as the store'
    }
    $script:HelpExamples = foreach ($command in Get-Command -Module PartnerReferrals | Sort-Object Name) {
        $number = 0
        foreach ($example in (Get-Help $command.Name -Examples).Examples.Example) {
            $number++
            @{
                Command = $command.Name
                Number  = $number
                Title   = $example.title.Trim('- ')
                Code    = (@($example.code) -join "`n")
                Skip    = $helpNotRun["$($command.Name) $number"]
            }
        }
    }

    # about_PartnerReferrals: a block of lines indented by eight spaces is an example, unless every line of it is a row
    # of a table (two columns apart by two spaces or more).
    $aboutNotRun = [ordered] @{
        'dotnet run --project src/PartnerReferrals.Emulator' = 'it starts the emulator, which runs until stopped: this test started it from its build output'
        'Connect-PartnerReferrals -TenantId contoso.onmicrosoft.com -ClientId' = 'it signs in through a browser, where a person signs in'
        '-CertificateThumbprint' = 'it needs the app''s certificate in the user''s certificate store'
        '-Proxy http://proxy.contoso.com:8080' = 'it needs the organization''s proxy: Proxy.Tests.ps1 signs in through a real one'
        'Set-AutomationVariable' = 'it needs a SecretManagement vault, an Azure Automation account and an Azure key vault: RefreshTokenRotation.Tests.ps1 runs the same cycle with an Export-Clixml file as the store'
    }
    $blocks = [System.Collections.Generic.List[string[]]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($text in @(Get-Content -Path (Get-ChildItem -Path (Split-Path (Get-PackagedModulePath)) -Recurse -Filter 'about_PartnerReferrals.help.txt' | Select-Object -First 1).FullName) + '') {
        if ($text -match '^ {8}\S|^ {9,}') {
            $current.Add($text.Substring(8))
        }
        else {
            if ($current.Count -gt 0) { $blocks.Add($current.ToArray()) }
            $current.Clear()
        }
    }
    $number = 0
    $script:AboutExamples = foreach ($block in $blocks) {
        if (@($block | Where-Object { $_ -notmatch '\S\s{2,}\S' }).Count -eq 0) { continue }
        $number++
        $code = $block -join "`n"
        @{
            Number = $number
            Title  = $block[0].Trim()
            Code   = $code
            Skip   = @($aboutNotRun.Keys | Where-Object { $code.Contains($_) } | ForEach-Object { $aboutNotRun[$_] }) | Select-Object -First 1
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'PackageHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Root = Get-RepositoryRoot
    $script:Readme = Get-Content -Raw -Path (Join-Path $script:Root 'README.md')
    $script:QueryCommands = 'Get-PartnerCoSellReferral', 'Get-PartnerReferral', 'Get-PartnerReferralSummary', 'Measure-PartnerReferral', 'Export-PartnerReferral', 'Export-PartnerReferralReport'

    # The emulator as the README starts it by hand: its options, as written there.
    $by = [regex]::Match($script:Readme, '(?m)^dotnet run --project src/PartnerReferrals\.Emulator -- (.+)$')
    $by.Success | Should -BeTrue -Because 'the README says how to start the emulator by hand'
    $options = @(-split $by.Groups[1].Value)
    $count = [int] $options[[array]::IndexOf($options, '--referrals') + 1]
    $others = @(for ($i = 0; $i -lt $options.Count; $i++) { if ($options[$i] -eq '--referrals') { $i++ } else { $options[$i] } })
    $script:Emulator = Start-TestEmulator -Referrals $count -ArgumentList $others
    $script:ClientId = [guid]::NewGuid().ToString()

    # Tokens a vault or a prompt would hold, from the emulator's device code flow (it approves codes by itself).
    $published = Get-Content -Raw $script:Emulator.PublishFile | ConvertFrom-Json
    $authority = $published.authority.TrimEnd('/')
    $script:AppId = [guid]::NewGuid().ToString()
    $code = Invoke-RestMethod -SkipCertificateCheck -Method Post -Uri "$authority/oauth2/v2.0/devicecode" -Body @{ client_id = $script:AppId; scope = 'https://api.partnercenter.microsoft.com/user_impersonation offline_access' }
    $script:Tokens = $null
    foreach ($attempt in 1..20) {
        try {
            $script:Tokens = Invoke-RestMethod -SkipCertificateCheck -Method Post -Uri "$authority/oauth2/v2.0/token" -Body @{ client_id = $script:AppId; grant_type = 'urn:ietf:params:oauth:grant-type:device_code'; device_code = $code.device_code }
            break
        }
        catch {
            Start-Sleep -Seconds 1
        }
    }
    $script:Tokens.refresh_token | Should -Not -BeNullOrEmpty

    $script:Saved = @{ EmulatorFile = $env:PARTNERREFERRALS_EMULATOR_FILE; Data = $env:XDG_DATA_HOME; Home = $HOME; Location = Get-Location }
    $env:PARTNERREFERRALS_EMULATOR_FILE = $script:Emulator.PublishFile
    $env:XDG_DATA_HOME = Join-Path $TestDrive 'data'

    function Connect-Reader {
        if (-not (Get-PartnerReferralsContext)) {
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
        }
    }

    # A reader's folder: the current location and HOME, with the emulator's published file as ./emulator.json.
    function Enter-ReaderFolder([string] $Name) {
        $folder = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive $Name)
        Copy-Item -Path $script:Emulator.PublishFile -Destination (Join-Path $folder 'emulator.json')
        Set-Variable -Name HOME -Value $folder.FullName -Force -Scope Global
        Set-Location -LiteralPath $folder.FullName
    }

    function Get-FileState {
        $state = @{}
        Get-ChildItem -LiteralPath (Get-Location).ProviderPath -Recurse -File -Force | ForEach-Object { $state[$_.FullName] = "$($_.Length) $($_.LastWriteTimeUtc.Ticks)" }
        $state
    }

    # Why a file written by an example shows nothing, or nothing when it holds data.
    function Test-FileData([string] $Path) {
        switch -Regex ($Path) {
            '\.csv$' { if (@(Import-Csv -LiteralPath $Path).Count -eq 0) { "$Path has no rows" } }
            '\.html$' {
                $referrals = [regex]::Match((Get-Content -Raw -LiteralPath $Path), 'data-figure="Created" data-value="(\d+)"').Groups[1].Value
                if (-not $referrals -or [int] $referrals -eq 0) { "the report $Path counts no referral" }
            }
            default { if ((Get-Item -LiteralPath $Path).Length -eq 0) { "$Path is empty" } }
        }
    }

    function Test-Data($Values) {
        foreach ($value in @($Values)) {
            if ($null -eq $value -or $value -is [System.Management.Automation.ErrorRecord] -or $value -is [System.Management.Automation.WarningRecord]) { continue }
            if ($value -is [Microsoft.PowerShell.Commands.GenericMeasureInfo]) { if ($value.Count -gt 0) { return $true } else { continue } }
            if ("$value" -ne '') { return $true }
        }
        $false
    }

    # Runs an example statement by statement in one new scope, with the emulator standing in for Partner Center;
    # returns what went wrong, one line each (nothing when the example works as written).
    function Invoke-Example([string] $Code) {
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $null, [ref] $errors)
        if ($errors) { return "it does not parse: $($errors[0].Message)" }
        $PSDefaultParameterValues = @{ 'Connect-PartnerReferrals:Environment' = 'Emulator'; 'Connect-PartnerReferrals:WarningAction' = 'SilentlyContinue' }
        function Get-Secret([string] $Name, [string] $Vault) {
            if ($Name -eq 'PartnerCenterRefreshToken') { return ConvertTo-SecureString -AsPlainText -Force $script:Tokens.refresh_token }
            [pscredential]::new($script:AppId, (ConvertTo-SecureString -AsPlainText -Force 'emulator-client-secret'))
        }
        function Read-Host { ConvertTo-SecureString -AsPlainText -Force $script:Tokens.access_token }
        $statements = @($ast.EndBlock.Statements)
        & {
            # As in a new session: a variable the example uses but never sets is an error, not an empty value.
            Set-StrictMode -Version 1.0
            foreach ($__example in $statements) {
                $__text = $__example.Extent.Text
                $__before = Get-FileState
                $__output = @()
                $__failed = $null
                try {
                    $__output = @(. ([scriptblock]::Create($__text.Replace('contoso.onmicrosoft.com', 'organizations'))) 2>&1 3>&1)
                }
                catch {
                    $__failed = $_
                }
                $__after = Get-FileState
                $__written = @($__after.Keys | Where-Object { $__before[$_] -ne $__after[$_] })
                if ($__failed) {
                    "$__text`n  failed: $__failed"
                    break
                }
                $__output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$__text`n  wrote an error: $_" }
                $__output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { "$__text`n  warned: $_" }
                $__written | ForEach-Object { Test-FileData $_ } | ForEach-Object { "$__text`n  $_" }
                $__queries = @($__example.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object GetCommandName | Where-Object { $_ -in $script:QueryCommands })
                $__whatIf = $__example.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandParameterAst] -and $node.ParameterName -eq 'WhatIf' }, $true)
                if ($__queries -and -not $__whatIf) {
                    $__assigned = if ($__example -is [System.Management.Automation.Language.AssignmentStatementAst] -and $__example.Left -is [System.Management.Automation.Language.VariableExpressionAst]) {
                        Get-Variable -Name $__example.Left.VariablePath.UserPath -ValueOnly -ErrorAction SilentlyContinue
                    }
                    if (-not (Test-Data $__output) -and $__written.Count -eq 0 -and -not (Test-Data $__assigned)) {
                        "$__text`n  returned no data and wrote no file"
                    }
                }
            }
        }
    }

    function Test-Parses([string] $Code) {
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $null, [ref] $errors) | Out-Null
        $errors | Should -BeNullOrEmpty
    }
}

AfterAll {
    $env:PARTNERREFERRALS_EMULATOR_FILE = $script:Saved.EmulatorFile
    $env:XDG_DATA_HOME = $script:Saved.Data
    Set-Variable -Name HOME -Value $script:Saved.Home -Force -Scope Global
    Set-Location $script:Saved.Location
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'README.md, block by block, in a folder that stands for the repository''s root' {
    BeforeAll {
        Enter-ReaderFolder 'readme'
        Connect-Reader
        # What the demo leaves there (build.ps1 -Task Demo), which the Insights section reads.
        New-Item -ItemType Directory -Force -Path 'artifacts/demo' | Out-Null
        Export-PartnerReferral -Path 'artifacts/demo/referrals.csv'
    }

    It 'the block only parsed for ''<Key>'' is one block of the README' -ForEach $script:ReadmeNotRunCases {
        $Blocks | Should -Be 1
    }

    It 'imports the module from the path it names, which holds the package of this version' {
        $path = [regex]::Match($script:Readme, '(?m)^Import-Module (\./artifacts/module/PartnerReferrals/[^/]+/PartnerReferrals\.psd1)$').Groups[1].Value
        $path | Should -Not -BeNullOrEmpty
        (Resolve-Path (Join-Path $script:Root $path)).ProviderPath | Should -Be (Resolve-Path (Get-PackagedModulePath)).ProviderPath
    }

    It 'block <Number> (line <Line>): <Title>' -ForEach $script:ReadmeExamples {
        if ($Skip) {
            Test-Parses $Code
            Set-ItResult -Skipped -Because "$Skip (its syntax is checked)"
            return
        }
        Connect-Reader
        Invoke-Example $Code | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help -Examples, example by example' {
    BeforeAll {
        Enter-ReaderFolder 'help'
    }

    BeforeEach {
        Connect-Reader
    }

    It '<Command> example <Number>: <Title>' -ForEach $script:HelpExamples {
        if ($Skip) {
            Test-Parses $Code
            Set-ItResult -Skipped -Because "$Skip (its syntax is checked)"
            return
        }
        Invoke-Example $Code | Should -BeNullOrEmpty
    }

    It 'the summary''s -PageSize help names no -First, which the summary does not have' {
        (Get-Command Get-PartnerReferralSummary).Parameters.Keys | Should -Not -Contain 'First'
        (Get-Help Get-PartnerReferralSummary -Parameter PageSize | Out-String) | Should -Not -Match '-First'
    }
}

Describe 'about_PartnerReferrals, example by example' {
    BeforeAll {
        Enter-ReaderFolder 'about'
    }

    BeforeEach {
        Connect-Reader
    }

    It 'finds the topic''s examples' -ForEach @{ Count = $script:AboutExamples.Count } {
        $Count | Should -BeGreaterThan 15
    }

    It 'example <Number>: <Title>' -ForEach $script:AboutExamples {
        if ($Skip) {
            Test-Parses $Code
            Set-ItResult -Skipped -Because "$Skip (its syntax is checked)"
            return
        }
        Invoke-Example $Code | Should -BeNullOrEmpty
    }
}
