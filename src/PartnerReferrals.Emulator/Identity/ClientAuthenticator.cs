using System;
using System.Buffers.Text;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Authenticates confidential clients at the token endpoint: <c>client_secret</c> must equal the configured
/// secret; a <c>client_assertion</c> must be a well-formed, unexpired RS256/PS256 JWT with iss = sub = client_id,
/// aud = the token endpoint, signed by the certificate in its <c>x5c</c> header or by a registered certificate
/// named by its <c>x5t</c>/<c>x5t#S256</c> header. A request with neither is a public client.
/// </summary>
internal sealed class ClientAuthenticator(EmulatorOptions options, TimeProvider clock)
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>True for an authenticated confidential client, false for a public client; throws on a failed authentication.</summary>
    public bool Authenticate(IFormCollection form, string clientId, Uri tokenEndpoint)
    {
        var secret = form["client_secret"].ToString();
        var assertion = form["client_assertion"].ToString();
        if (secret.Length > 0)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(options.ClientSecret))
                ? true
                : throw new AadErrorException(AadError.InvalidClient(7000215,
                    $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'."));
        }

        if (assertion.Length == 0)
        {
            return false;
        }

        if (form["client_assertion_type"].ToString() != JwtBearer)
        {
            throw new AadErrorException(AadError.InvalidRequest(50027, $"client_assertion_type must be '{JwtBearer}'."));
        }

        CheckAssertion(assertion, clientId, tokenEndpoint);
        return true;
    }

    private void CheckAssertion(string assertion, string clientId, Uri tokenEndpoint)
    {
        if (!Jwt.TryRead(assertion, out var jwt))
        {
            throw Invalid(50027, "Invalid JWT token. The token is not in a valid format.");
        }

        var alg = jwt.HeaderString("alg");
        if (alg is not ("RS256" or "PS256"))
        {
            throw Invalid(5002738, $"Invalid JWT token. The client assertion must be signed with RS256 or PS256, not '{alg}'.");
        }

        if (jwt.ClaimString("iss") != clientId || jwt.ClaimString("sub") != clientId)
        {
            throw Invalid(700021, "Client assertion application identifier doesn't match 'client_id' parameter: iss and sub must be the client id.");
        }

        var audience = jwt.ClaimString("aud")?.TrimEnd('/');
        if (audience is null || !string.Equals(audience, tokenEndpoint.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(700016, $"Client assertion audience claim does not match the token endpoint {tokenEndpoint}.");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (jwt.ClaimSeconds("exp") is not { } exp || exp <= now)
        {
            throw Invalid(700024, "Client assertion is not within its valid time range (expired or missing exp).");
        }

        if (jwt.ClaimSeconds("nbf") is { } nbf && nbf > now + 300)
        {
            throw Invalid(700024, "Client assertion is not within its valid time range (not yet valid).");
        }

        using var certificate = FindCertificate(jwt);
        using var key = certificate.GetRSAPublicKey() ?? throw Invalid(700027, "The assertion's certificate has no RSA key.");
        var padding = alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        if (!Verify(key, jwt, padding))
        {
            throw Invalid(7000274, "Client assertion contains an invalid signature.");
        }
    }

    private static bool Verify(RSA key, JwtParts jwt, RSASignaturePadding padding)
    {
        try
        {
            return key.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, padding);
        }
        catch (CryptographicException)
        {
            return false; // a signature of the wrong size, for instance
        }
    }

    // The returned certificate is disposed by the caller, so registered ones are copied.
    private X509Certificate2 FindCertificate(JwtParts jwt)
    {
        // RFC 7515 makes x5c an array; MSAL.NET writes a single base64 string. Both name the signing certificate.
        var x5c = !jwt.Header.TryGetProperty("x5c", out var chain) ? null
            : chain.ValueKind == JsonValueKind.String ? chain.GetString()
            : chain.ValueKind == JsonValueKind.Array && chain.GetArrayLength() > 0 && chain[0].ValueKind == JsonValueKind.String ? chain[0].GetString()
            : null;
        if (x5c is not null)
        {
            try
            {
                return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(x5c));
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                throw Invalid(700027, "The x5c header does not hold a certificate.");
            }
        }

        var sha1 = jwt.HeaderString("x5t");
        var sha256 = jwt.HeaderString("x5t#S256");
        var match = options.ClientCertificates.FirstOrDefault(c =>
            (sha256 is not null && sha256 == Base64Url.EncodeToString(c.GetCertHash(HashAlgorithmName.SHA256)))
            || (sha1 is not null && sha1 == Base64Url.EncodeToString(c.GetCertHash(HashAlgorithmName.SHA1))));
        return match is null
            ? throw Invalid(700027, "The certificate with identifier used to sign the client assertion is not registered on application.")
            : X509CertificateLoader.LoadCertificate(match.RawData);
    }

    private static AadErrorException Invalid(int code, string message) => new(AadError.InvalidClient(code, message));
}
