#Requires -Version 7.2
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Issue 18 item 5: the confidential app's certificate as an object or a PFX file, where there is no certificate store
# (Azure Automation, containers). The emulator knows none of these certificates: it accepts an assertion only by the
# certificate the assertion carries in its x5c header, so a successful sign-in also shows that x5c is sent.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-PackagedModulePath) -Force
    $script:Emulator = Start-TestEmulator -Referrals 300
    $script:ClientId = [guid]::NewGuid().ToString()

    # A refresh token of the secure application model: one device-code sign-in, then the session's newest token.
    Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -UseDeviceCode -ClientId $script:ClientId -WarningAction SilentlyContinue | Out-Null
    $script:RefreshToken = (Get-PartnerReferralsRefreshToken).RefreshToken
    Disconnect-PartnerReferrals

    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=PartnerReferrals test app', $rsa, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $script:AppCertificate = $request.CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddDays(30))
    $script:PasswordText = 'Pfx-' + [guid]::NewGuid().ToString('N')
    $script:Password = ConvertTo-SecureString -String $script:PasswordText -AsPlainText -Force
    $script:Pfx = Join-Path $TestDrive 'app.pfx'
    [System.IO.File]::WriteAllBytes($script:Pfx, $script:AppCertificate.Export('Pfx', $script:PasswordText))
    $script:OpenPfx = Join-Path $TestDrive 'app-no-password.pfx'
    [System.IO.File]::WriteAllBytes($script:OpenPfx, $script:AppCertificate.Export('Pfx'))
    $script:Cer = Join-Path $TestDrive 'app.cer'
    [System.IO.File]::WriteAllBytes($script:Cer, $script:AppCertificate.Export('Cert'))

    function Connect-WithRefreshToken {
        param([hashtable] $Certificate)
        Connect-PartnerReferrals -Environment Emulator -EmulatorFile $script:Emulator.PublishFile -RefreshToken $script:RefreshToken -ClientId $script:ClientId @Certificate -ErrorAction Stop
    }
}

AfterAll {
    Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:Emulator
    Remove-Module PartnerReferrals -Force -ErrorAction SilentlyContinue
}

Describe 'Signing in as the app with a certificate that is in no store' {
    AfterEach {
        Disconnect-PartnerReferrals -ErrorAction SilentlyContinue
    }

    It 'signs in with -Certificate (an object with its private key) and pulls referrals' {
        $context = Connect-WithRefreshToken @{ Certificate = $script:AppCertificate }
        $context.SignInMethod | Should -Be 'RefreshToken'
        @(Get-PartnerReferral -First 5).Count | Should -Be 5
    }

    It 'signs in with -CertificatePath and -CertificatePassword, the path relative to the current location' {
        Push-Location $TestDrive
        try {
            $context = Connect-WithRefreshToken @{ CertificatePath = './app.pfx'; CertificatePassword = $script:Password }
        }
        finally {
            Pop-Location
        }
        $context.SignInMethod | Should -Be 'RefreshToken'
        @(Get-PartnerReferral -First 5).Count | Should -Be 5
    }

    It 'signs in with a PFX file that has no password' {
        Connect-WithRefreshToken @{ CertificatePath = $script:OpenPfx } | Out-Null
        @(Get-PartnerReferral -First 1).Count | Should -Be 1
    }

    It 'shows neither the password nor a token in any stream, -Debug and -Verbose included' {
        $all = & {
            Connect-WithRefreshToken @{ CertificatePath = $script:Pfx; CertificatePassword = $script:Password; Debug = $true; Verbose = $true } | Format-List * | Out-String
            Get-PartnerReferral -First 2 -Debug -Verbose | Out-String
        } *>&1 | Out-String
        $all | Should -Not -BeNullOrEmpty
        $all | Should -Not -Match ([regex]::Escape($script:PasswordText))
        $all | Should -Not -Match ([regex]::Escape([System.Net.NetworkCredential]::new('', $script:RefreshToken).Password))
        $all | Should -Not -Match 'eyJ[\w-]{10,}\.[\w-]{10,}\.'
    }
}

Describe 'A certificate that cannot sign in is refused before any sign-in, naming the parameter' {
    It '<Case>' -ForEach @(
        @{ Case = 'a wrong password'; Id = 'CertificatePasswordWrong'; Parameter = 'CertificatePassword'; Certificate = { @{ CertificatePath = $script:Pfx; CertificatePassword = (ConvertTo-SecureString 'not-it' -AsPlainText -Force) } } }
        @{ Case = 'no password for a file that has one'; Id = 'CertificatePasswordWrong'; Parameter = 'CertificatePassword'; Certificate = { @{ CertificatePath = $script:Pfx } } }
        @{ Case = 'a file that is not PKCS#12 (a .cer)'; Id = 'CertificateFileNotPfx'; Parameter = 'CertificatePath'; Certificate = { @{ CertificatePath = $script:Cer } } }
        @{ Case = 'an empty file (a failed download)'; Id = 'CertificateFileNotPfx'; Parameter = 'CertificatePath'; Certificate = { $empty = Join-Path $TestDrive 'empty.pfx'; Set-Content -LiteralPath $empty -Value $null -NoNewline; @{ CertificatePath = $empty } } }
        @{ Case = 'a file cut short (half a PFX)'; Id = 'CertificateFileNotPfx'; Parameter = 'CertificatePath'; Certificate = {
                $bytes = [System.IO.File]::ReadAllBytes($script:Pfx); $half = Join-Path $TestDrive 'half.pfx'
                [System.IO.File]::WriteAllBytes($half, $bytes[0..($bytes.Length / 2)]); @{ CertificatePath = $half; CertificatePassword = $script:Password }
            }
        }
        @{ Case = 'a file that does not exist'; Id = 'CertificateFileNotFound'; Parameter = 'CertificatePath'; Certificate = { @{ CertificatePath = (Join-Path $TestDrive 'missing.pfx') } } }
        @{ Case = 'a certificate object without its private key'; Id = 'CertificateWithoutPrivateKey'; Parameter = 'Certificate'; Certificate = { @{ Certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($script:Cer) } } }
    ) {
        $err = Get-Failure { Connect-WithRefreshToken (& $Certificate) }
        $err.FullyQualifiedErrorId | Should -BeLike "PartnerReferrals.Auth.$Id,*"
        $err.Exception.Message | Should -Match ([regex]::Escape("-$Parameter"))
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        "$err $($err.ErrorDetails.RecommendedAction)" | Should -Not -Match ([regex]::Escape($script:PasswordText))
        "$err" | Should -Not -Match '   at '
        Get-PartnerReferralsContext | Should -BeNullOrEmpty
    }

    It 'refuses two ways of proving the app''s identity at once, naming both' {
        $err = Get-Failure { Connect-WithRefreshToken @{ Certificate = $script:AppCertificate; CertificatePath = $script:Pfx } }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.ConflictingParameters,*'
        $err.Exception.Message | Should -Match '-Certificate and -CertificatePath'
    }

    It 'refuses -CertificatePassword without -CertificatePath' {
        $err = Get-Failure { Connect-WithRefreshToken @{ Certificate = $script:AppCertificate; CertificatePassword = $script:Password } }
        $err.FullyQualifiedErrorId | Should -BeLike 'PartnerReferrals.Session.ConflictingParameters,*'
        $err.Exception.Message | Should -Match '-CertificatePassword'
    }
}
