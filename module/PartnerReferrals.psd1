@{
    RootModule           = 'PartnerReferrals.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c52-8d0e-4d5e-9a51-2f8f3e7c1a64'
    Author               = 'PartnerReferrals contributors'
    CompanyName          = 'PartnerReferrals'
    Copyright            = '(c) PartnerReferrals contributors. MIT License.'
    Description          = 'Microsoft Partner Center referrals analytics in PowerShell: sign in, stream typed referrals with automatic paging, and summarise them.'
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
        'Get-PartnerReferral'
        'Get-PartnerReferralSummary'
        'Measure-PartnerReferral'
        'Export-PartnerReferralReport'
        'Export-PartnerReferral'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PartnerCenter', 'Referrals', 'Analytics', 'Microsoft', 'CSP', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/partnerreferrals/PartnerReferrals'
            ReleaseNotes = 'First release: sign-in (interactive, device code, refresh token, access token), streamed referrals with paging, grouped summaries, a local emulator.'
            RequireLicenseAcceptance = $false
        }
    }
}
