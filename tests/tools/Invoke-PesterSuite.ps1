# build.ps1 -Task Test runs the Pester suite through this script in a fresh PowerShell: the module the tests import
# is then never loaded into the build's own session (on Windows it would lock the package folder), and no setting of
# build.ps1 (strict mode, preferences) leaks into the tests. Pester writes the result file itself.
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultFile
$run = Invoke-Pester -Configuration $config

if ($run.Result -eq 'Passed') {
    exit 0
}
Write-Host ("Pester: {0} test(s) failed; {1} setup block(s) and {2} test file(s) failed to run." -f $run.FailedCount, $run.FailedBlocksCount, $run.FailedContainersCount) -ForegroundColor Red
exit 1
