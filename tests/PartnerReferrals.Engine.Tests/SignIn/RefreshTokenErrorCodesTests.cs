using PartnerReferrals.Engine.SignIn;

namespace PartnerReferrals.Engine.Tests.SignIn;

public class RefreshTokenErrorCodesTests
{
    [Theory]
    [InlineData("AADSTS700082: The refresh token has expired due to inactivity.", "expired: a refresh token lasts 90 days", "(AADSTS700082)")]
    [InlineData("AADSTS50173: The provided grant has expired due to it being revoked.", "revoked", "(AADSTS50173)")]
    [InlineData("AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.", "Conditional Access", "(AADSTS70043)")]
    [InlineData("AADSTS70008: The provided authorization code or refresh token has expired.", "inactivity", "(AADSTS70008)")]
    public void Each_entra_code_says_what_happened_and_keeps_the_code(string serviceMessage, string why, string code)
    {
        var text = RefreshTokenErrorCodes.Describe(serviceMessage);

        Assert.Contains(why, text, System.StringComparison.Ordinal);
        Assert.EndsWith(code + ".", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_answer_gets_the_general_explanation_without_a_code() =>
        Assert.Equal(
            "The refresh token was refused: it expired (unused for 90 days), was revoked, or the user's password or MFA settings changed.",
            RefreshTokenErrorCodes.Describe("invalid_grant"));
}
