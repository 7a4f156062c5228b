<#
.SYNOPSIS
    Writes the module's help (en-US/PartnerReferrals.dll-Help.xml, MAML) into a laid-out module folder.

.DESCRIPTION
    Run by the layout target (ModuleLayout.targets) every time the module is packaged, so the help is always that of
    the cmdlets it ships with. Each fact comes from the one place it is declared:
      - what PowerShell knows of a parameter (type, aliases, position, pipeline input, mandatory, parameter sets,
        ValidateSet values, PSDefaultValue) from Get-Command over the laid-out module itself;
      - a parameter's description from the XML doc comment (<summary>) of the property that declares it, read from the
        compiled documentation file; -WhatIf and -Confirm, which PowerShell adds, get PowerShell's own words;
      - everything else (synopsis, description, examples, inputs, outputs, notes, links, and the parameters
        PowerShell adds for SupportsPaging) from module/help/<cmdlet>.md.
    It fails on a cmdlet without a prose file, a prose file without a cmdlet, a parameter without a description, and a
    parameter described in two places.

.EXAMPLE
    pwsh -NoProfile -File src/PartnerReferrals/ModuleHelp.ps1 -Manifest artifacts/module/PartnerReferrals/0.1.0/PartnerReferrals.psd1 `
        -Documentation artifacts/publish/PartnerReferrals/PartnerReferrals.xml -Source module/help
#>
[CmdletBinding()]
param(
    # The laid-out module's manifest: imported, so the metadata is PowerShell's own. The help is written beside it.
    [Parameter(Mandatory)] [string] $Manifest,
    # The cmdlet assembly's XML documentation file.
    [Parameter(Mandatory)] [string] $Documentation,
    # The folder of the per-cmdlet prose files (<cmdlet>.md).
    [Parameter(Mandatory)] [string] $Source
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$Maml = 'http://schemas.microsoft.com/maml/2004/10'
$Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

# The parameters ShouldProcess adds, in the words PowerShell's own help uses.
$AddedByShouldProcess = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Read-DocComments([string] $Path) {
    # Member name (P:Namespace.Type.Property) -> paragraphs of its <summary>.
    [xml] $xml = Get-Content -Raw -LiteralPath $Path
    $comments = @{}
    foreach ($member in $xml.doc.members.member) {
        $summary = $member.SelectSingleNode('summary')
        if ($summary) {
            $comments[$member.name] = @(ConvertFrom-DocNode $summary)
        }
    }
    $comments
}

function ConvertFrom-DocNode($Node) {
    # The text before the first <para> is one paragraph, each <para> another; <c> and <see> read as their text.
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Text.StringBuilder]::new()
    foreach ($child in $Node.ChildNodes) {
        if ($child.LocalName -eq 'para') {
            $paragraphs.Add($current.ToString()); [void] $current.Clear()
            $paragraphs.Add((Get-DocText $child))
        }
        else {
            [void] $current.Append((Get-DocText $child))
        }
    }
    $paragraphs.Add($current.ToString())
    $paragraphs | ForEach-Object { ($_ -replace '\s+', ' ').Trim() } | Where-Object { $_ }
}

function Get-DocText($Node) {
    switch ($Node.NodeType) {
        'Text' { return $Node.Value }
        'Element' {
            if ($Node.LocalName -eq 'see') {
                $reference = if ($Node.HasAttribute('cref')) { $Node.GetAttribute('cref') } else { $Node.GetAttribute('langword') }
                return ($reference -split '[.:]')[-1]
            }
            return (@($Node.ChildNodes | ForEach-Object { Get-DocText $_ }) -join '')
        }
        default { return '' }
    }
}

function Read-Prose([string] $Path) {
    # The prose of one cmdlet: '## SECTION' headings, '### ' sub-headings, paragraphs split by blank lines, ```code```.
    $prose = @{ SYNOPSIS = @(); DESCRIPTION = @(); EXAMPLES = @(); PARAMETERS = @{}; INPUTS = @(); OUTPUTS = @(); NOTES = @(); 'RELATED LINKS' = @() }
    $section = $null; $item = $null; $code = $null
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $flush = {
        if ($paragraph.Count -gt 0) {
            $text = ($paragraph -join ' ').Trim()
            $paragraph.Clear()
            if ($null -ne $item -and $item.Contains('Default') -and $text -match '^Default value: (.+)$') { $item.Default = $Matches[1] }
            elseif ($null -ne $item) { $item.Paragraphs += $text }
            else { $prose[$section] += $text }
        }
    }
    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($null -ne $code) {
            if ($line -eq '```') { $item.Code = $code -join "`n"; $code = $null } else { $code += $line }
            continue
        }
        if ($line -match '^## (.+)$') {
            & $flush; $section = $Matches[1].Trim(); $item = $null
            if (-not $prose.ContainsKey($section)) { throw "${Path}: unknown section '## $section'." }
        }
        elseif ($line -match '^### (.+)$') {
            & $flush
            $title = $Matches[1].Trim()
            $item = switch ($section) {
                'EXAMPLES' { @{ Title = $title; Code = $null; Paragraphs = @() } }
                'PARAMETERS' { @{ Name = $title.TrimStart('-'); Default = $null; Paragraphs = @() } }
                default { @{ Type = $title; Paragraphs = @() } }
            }
            if ($section -eq 'PARAMETERS') { $prose.PARAMETERS[$item.Name] = $item } else { $prose[$section] += $item }
        }
        elseif ($line -match '^```') { & $flush; $code = @() }
        elseif ($section -eq 'RELATED LINKS' -and $line -match '^- (.+)$') { $prose['RELATED LINKS'] += $Matches[1].Trim() }
        elseif ($line.Trim() -eq '') { & $flush }
        elseif ($line -notmatch '^# ') { $paragraph.Add($line.Trim()) }
    }
    & $flush
    $prose
}

function Write-Paragraphs($Writer, [string[]] $Paragraphs, [string] $Element = 'description', [string] $Namespace = $Maml) {
    $prefix = if ($Namespace -eq $Dev) { 'dev' } else { 'maml' }
    $Writer.WriteStartElement($prefix, $Element, $Namespace)
    foreach ($paragraph in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $Maml, $paragraph) }
    $Writer.WriteEndElement()
}

function Write-Type($Writer, [string] $Name) {
    $Writer.WriteStartElement('dev', 'type', $Dev)
    $Writer.WriteElementString('maml', 'name', $Maml, $Name)
    $Writer.WriteElementString('maml', 'uri', $Maml, '')
    $Writer.WriteEndElement()
}

function Get-PipelineInput([bool] $ByValue, [bool] $ByPropertyName) {
    # As PowerShell's own help writes it.
    if ($ByValue -and $ByPropertyName) { 'True (ByValue, ByPropertyName)' }
    elseif ($ByValue) { 'True (ByValue)' }
    elseif ($ByPropertyName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Write-Parameter($Writer, $Parameter, [bool] $Required, [string] $Position, [string] $PipelineInput, [string[]] $Description, $Default) {
    $type = $Parameter.ParameterType
    $isSwitch = $type -eq [System.Management.Automation.SwitchParameter]
    $Writer.WriteStartElement('command', 'parameter', $Command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', 'false')
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $Maml, $Parameter.Name)
    Write-Paragraphs $Writer $Description 'Description'
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $Command)
        foreach ($value in $set.ValidValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $Command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $Command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $isSwitch -or $null -ne $Default) {
        $Writer.WriteStartElement('command', 'parameterValue', $Command)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($type.Name)
        $Writer.WriteEndElement()
    }
    Write-Type $Writer $type.Name
    if ($null -ne $Default) { $Writer.WriteElementString('dev', 'defaultValue', $Dev, $Default) }
    $Writer.WriteEndElement()
}

function Get-Shown($CommandInfo) {
    # The parameters help shows: all but the common ones, and -WhatIf/-Confirm where the cmdlet supports ShouldProcess.
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    { param($name) $name -notin $common -or $AddedByShouldProcess.ContainsKey($name) }.GetNewClosure()
}

$module = Import-Module -Name $Manifest -Force -PassThru
$comments = Read-DocComments $Documentation
$cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$sources = @(Get-ChildItem -LiteralPath $Source -Filter *.md | ForEach-Object BaseName)
$extra = @($sources | Where-Object { $_ -notin $cmdlets.Name })
if ($extra) { throw "Prose for commands the module does not have: $($extra -join ', ') (in $Source)." }

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.NewLineChars = "`n"
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$target = Join-Path (Split-Path -Parent $Manifest) 'en-US'
New-Item -ItemType Directory -Force -Path $target | Out-Null
$writer = [System.Xml.XmlWriter]::Create((Join-Path $target 'PartnerReferrals.dll-Help.xml'), $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteComment(' Generated when the module is packaged (src/PartnerReferrals/ModuleHelp.ps1): edit the cmdlets'' doc comments and module/help, not this file. ')
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($cmdlet in $cmdlets) {
        $file = Join-Path $Source "$($cmdlet.Name).md"
        if (-not (Test-Path -LiteralPath $file)) { throw "No help prose for $($cmdlet.Name): write $file." }
        $prose = Read-Prose $file
        $shown = Get-Shown $cmdlet
        $type = $cmdlet.ImplementingType

        # Every shown parameter's description and default, each from its one source.
        $described = @{}
        $defaults = @{}
        foreach ($parameter in $cmdlet.Parameters.Values | Where-Object { & $shown $_.Name }) {
            $property = $type.GetProperty($parameter.Name)
            $fromProse = $prose.PARAMETERS[$parameter.Name]
            $declared = if ($property) { $comments["P:$($property.DeclaringType.FullName).$($property.Name)"] } else { $null }
            if ($property -and $fromProse) { throw "$($cmdlet.Name) -$($parameter.Name) is described twice: in the doc comment of $($property.DeclaringType.Name).$($property.Name) and in $file." }
            $described[$parameter.Name] = if ($property) { $declared } elseif ($fromProse) { $fromProse.Paragraphs } else { $AddedByShouldProcess[$parameter.Name] }
            if (-not $described[$parameter.Name]) { throw "$($cmdlet.Name) -$($parameter.Name) has no description: write the <summary> of its property (or, for a parameter PowerShell adds, a '### -$($parameter.Name)' in $file)." }
            $psDefault = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.PSDefaultValueAttribute] } | Select-Object -First 1
            $defaults[$parameter.Name] = if ($psDefault) { [string] $psDefault.Value }
            elseif ($fromProse -and $fromProse.Default) { $fromProse.Default }
            elseif ($parameter.SwitchParameter) { 'False' }
            else { 'None' }
        }
        foreach ($name in $prose.PARAMETERS.Keys) {
            if (-not $described.ContainsKey($name)) { throw "$file describes -$name, which $($cmdlet.Name) does not have." }
        }

        $writer.WriteStartElement('command', 'command', $Command)
        $writer.WriteAttributeString('xmlns', 'maml', $null, $Maml)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $Dev)
        $writer.WriteStartElement('command', 'details', $Command)
        $writer.WriteElementString('command', 'name', $Command, $cmdlet.Name)
        $writer.WriteElementString('command', 'verb', $Command, $cmdlet.Verb)
        $writer.WriteElementString('command', 'noun', $Command, $cmdlet.Noun)
        Write-Paragraphs $writer $prose.SYNOPSIS
        $writer.WriteEndElement()
        Write-Paragraphs $writer $prose.DESCRIPTION

        # One syntax line per parameter set, the default set first, positional parameters in order, then the
        # mandatory ones, then the rest.
        $writer.WriteStartElement('command', 'syntax', $Command)
        foreach ($set in @($cmdlet.ParameterSets | Sort-Object -Stable { -not $_.IsDefault })) {
            $writer.WriteStartElement('command', 'syntaxItem', $Command)
            $writer.WriteElementString('maml', 'name', $Maml, $cmdlet.Name)
            $ordered = @($set.Parameters | Where-Object { & $shown $_.Name } |
                    Sort-Object -Stable @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -not $_.IsMandatory } })
            foreach ($parameter in $ordered) {
                $position = if ($parameter.Position -ge 0) { [string] $parameter.Position } else { 'named' }
                Write-Parameter $writer $parameter $parameter.IsMandatory $position (Get-PipelineInput $parameter.ValueFromPipeline $parameter.ValueFromPipelineByPropertyName) $described[$parameter.Name] $null
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        # Each parameter once, over all its sets.
        $writer.WriteStartElement('command', 'parameters', $Command)
        foreach ($parameter in $cmdlet.Parameters.Values | Where-Object { & $shown $_.Name } | Sort-Object Name) {
            $sets = @($parameter.ParameterSets.Values)
            $position = @($sets | Where-Object Position -GE 0 | ForEach-Object { [string] $_.Position }) + 'named' | Select-Object -First 1
            $pipeline = Get-PipelineInput ([bool] ($sets | Where-Object ValueFromPipeline)) ([bool] ($sets | Where-Object ValueFromPipelineByPropertyName))
            Write-Parameter $writer $parameter ([bool] ($sets | Where-Object IsMandatory)) $position $pipeline $described[$parameter.Name] $defaults[$parameter.Name]
        }
        $writer.WriteEndElement()

        foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; From = 'INPUTS' }, @{ List = 'returnValues'; Item = 'returnValue'; From = 'OUTPUTS' })) {
            $writer.WriteStartElement('command', $kind.List, $Command)
            foreach ($entry in $prose[$kind.From]) {
                $writer.WriteStartElement('command', $kind.Item, $Command)
                $writer.WriteStartElement('dev', 'type', $Dev)
                $writer.WriteElementString('maml', 'name', $Maml, $entry.Type)
                $writer.WriteEndElement()
                Write-Paragraphs $writer $entry.Paragraphs
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()
        }

        $writer.WriteStartElement('maml', 'alertSet', $Maml)
        $writer.WriteStartElement('maml', 'alert', $Maml)
        foreach ($paragraph in $prose.NOTES) { $writer.WriteElementString('maml', 'para', $Maml, $paragraph) }
        $writer.WriteEndElement()
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'examples', $Command)
        foreach ($example in $prose.EXAMPLES) {
            $writer.WriteStartElement('command', 'example', $Command)
            $writer.WriteElementString('maml', 'title', $Maml, "-------------------------- $($example.Title) --------------------------")
            $writer.WriteElementString('dev', 'code', $Dev, $example.Code)
            Write-Paragraphs $writer $example.Paragraphs 'remarks' $Dev
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'relatedLinks', $Command)
        foreach ($link in $prose['RELATED LINKS']) {
            $writer.WriteStartElement('maml', 'navigationLink', $Maml)
            $writer.WriteElementString('maml', 'linkText', $Maml, $link)
            $writer.WriteElementString('maml', 'uri', $Maml, '')
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
Write-Host "Wrote the help of $($cmdlets.Count) cmdlets to $target"
