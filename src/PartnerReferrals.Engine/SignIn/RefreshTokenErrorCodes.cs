using System.Globalization;
using System.Text.RegularExpressions;

namespace PartnerReferrals.Engine.SignIn;

/// <summary>
/// What Entra's AADSTS code says about a refused refresh token, in words a runbook owner acts on. The code itself stays
/// in the sentence for support; an unknown code still gets the general explanation.
/// </summary>
internal static class RefreshTokenErrorCodes
{
    private const string General = "it expired (unused for 90 days), was revoked, or the user's password or MFA settings changed";

    private static readonly Regex Code = new(@"AADSTS(\d+)", RegexOptions.CultureInvariant);

    public static string Describe(string? serviceMessage)
    {
        var match = serviceMessage is null ? Match.Empty : Code.Match(serviceMessage);
        var code = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var why = code switch
        {
            700082 => "it expired: a refresh token lasts 90 days from when it was issued, and this one is older",
            70008 => "it expired from inactivity or was already used once",
            50173 => "it was revoked: the user's password changed or their sessions were revoked",
            70043 => "it expired under the tenant's Conditional Access sign-in frequency policy",
            _ => General,
        };
        var suffix = code == 0 ? string.Empty : " (AADSTS" + code.ToString(CultureInfo.InvariantCulture) + ")";
        return "The refresh token was refused: " + why + suffix + ".";
    }
}
