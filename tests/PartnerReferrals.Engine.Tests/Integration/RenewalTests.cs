using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;
using static PartnerReferrals.Engine.Tests.Integration.EmulatorSignIn;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>Token lifetimes of two seconds: renewal must be silent, and a revoked grant must say how to get a new refresh token.</summary>
public class RenewalTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Tokens_renew_silently_after_they_expire_and_a_revoked_grant_says_how_to_get_a_new_refresh_token()
    {
        fixture.Server.Faults.TokenLifetimeOverride = TimeSpan.FromSeconds(2);
        try
        {
            var request = Request(fixture, SignInMethod.RefreshToken);
            request.RefreshToken = Secure(await RefreshTokenAsync(fixture.Server));
            using var session = Connect(request, new RecordingHost(), Options(fixture));
            var first = (await session.Tokens.GetTokenAsync(false, CancellationToken.None)).Token;

            await Task.Delay(TimeSpan.FromSeconds(3));
            var host = new RecordingHost();
            PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { First = 10 }, host, CancellationToken.None);
            Assert.Equal(10, host.Objects.Count);
            Assert.NotEqual(first, (await session.Tokens.GetTokenAsync(false, CancellationToken.None)).Token);

            fixture.Server.Tokens.RevokeRefreshTokens();
            await Task.Delay(TimeSpan.FromSeconds(3));
            var error = Assert.Throws<PartnerReferralsException>(() =>
                PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { First = 10 }, new RecordingHost(), CancellationToken.None));

            Assert.Equal("PartnerReferrals.Auth.RefreshTokenExpired", error.ErrorId);
            // A runbook cannot sign in again by itself: the advice says how a person makes it a new refresh token.
            Assert.Contains("new refresh token", error.RecommendedAction, StringComparison.Ordinal);
            Assert.Contains("Connect-PartnerReferrals -UseDeviceCode", error.RecommendedAction, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Server.Faults.TokenLifetimeOverride = null;
        }
    }

    [Fact]
    public async Task An_access_token_that_expires_during_a_session_gives_the_expired_error()
    {
        var request = Request(fixture, SignInMethod.AccessToken);
        request.AccessToken = Secure(fixture.Server.Tokens.IssueUserToken(TimeSpan.FromSeconds(2)));
        using var session = Connect(request, new RecordingHost(), Options(fixture));

        await Task.Delay(TimeSpan.FromSeconds(3));
        var error = Assert.Throws<PartnerReferralsException>(() =>
            PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { First = 1 }, new RecordingHost(), CancellationToken.None));

        Assert.Equal("PartnerReferrals.Auth.TokenExpired", error.ErrorId);
    }
}
