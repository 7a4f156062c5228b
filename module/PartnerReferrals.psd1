# The version and the release notes are stamped when the module folder is laid out (src/PartnerReferrals/ModuleLayout.targets):
# the version from Directory.Build.props, the release notes from the newest entry of CHANGELOG.md. Only Windows
# PowerShell 5.1's manifest keys are used here (tests/Pester/WindowsPowerShell.Tests.ps1).
@{
    RootModule           = 'PartnerReferrals.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0f3c52-8d0e-4d5e-9a51-2f8f3e7c1a64'
    Author               = 'PartnerReferrals contributors'
    CompanyName          = 'PartnerReferrals'
    Copyright            = '(c) PartnerReferrals contributors. MIT License.'
    Description          = 'Microsoft Partner Center referrals analytics in PowerShell: sign in (browser, device code, or a refresh token for runbooks), stream typed referrals with automatic paging, export them to CSV, and summarise them as counts, funnels, response times and an HTML report. Runs on PowerShell 7 and Windows PowerShell 5.1.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    DotNetFrameworkVersion = '4.7.2'
    # The output types load first, into the session's default context, so scripts can name them ([PartnerReferrals.Models.Referral]).
    RequiredAssemblies   = @('PartnerReferrals.Models.dll')
    FormatsToProcess     = @('PartnerReferrals.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-PartnerReferrals'
        'Disconnect-PartnerReferrals'
        'Get-PartnerReferralsContext'
        'Get-PartnerReferralsRefreshToken'
        'Get-PartnerReferral'
        'Get-PartnerReferralSummary'
        'Measure-PartnerReferral'
        'Export-PartnerReferralReport'
        'Export-PartnerReferral'
        'Get-PartnerCoSellReferral'
        'Update-PartnerCoSellReferral'
        'New-PartnerCoSellReferral'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PartnerCenter', 'Referrals', 'Analytics', 'Microsoft', 'CSP', 'MSAL', 'Reporting', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # The LICENSE file of the repository, also shipped at the top of the module folder.
            LicenseUri   = 'https://github.com/partnerreferrals/PartnerReferrals/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/partnerreferrals/PartnerReferrals'
            # No IconUri: the project hosts no icon anywhere a gallery could load it from.
            ReleaseNotes = '(stamped from CHANGELOG.md)'
            RequireLicenseAcceptance = $false
        }
    }
}
