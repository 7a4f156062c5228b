using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;
using static PartnerReferrals.Engine.Tests.Integration.EmulatorSignIn;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>100,000 rows through every fault the emulator can throw, compared with a clean pull.</summary>
public class FullPullTests(LargeEmulatorFixture fixture) : IClassFixture<LargeEmulatorFixture>
{
    [Fact]
    public async Task A_pull_through_faults_and_two_second_tokens_returns_exactly_the_clean_pull()
    {
        var server = fixture.Server;
        var refreshToken = await RefreshTokenAsync(server);
        var request = Request(fixture, SignInMethod.RefreshToken);
        request.RefreshToken = Secure(refreshToken);
        request.ClientSecret = Secure(ClientSecret);
        var host = new RecordingHost();
        var clean = new RecordingHost();
        Exception? failure = null;
        List<string?> faultyIds;
        List<string?> cleanIds;
        using (var session = Connect(request, host, Options(fixture)))
        {
            PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 2500, IncludeTotalCount = true }, clean, CancellationToken.None);
            cleanIds = clean.Objects.OfType<Referral>().Select(r => r.Id).ToList();

            server.Requests.Clear();
            server.Faults.ServerErrorRatio = 0.10;
            server.Faults.ThrottleRatio = 0.05;
            server.Faults.DropConnectionRatio = 0.03;
            server.Faults.TruncateBodyRatio = 0.03;
            server.Faults.RetryAfterSeconds = 1;
            server.Faults.TokenLifetimeOverride = TimeSpan.FromSeconds(2);
            try
            {
                PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 2500 }, host, CancellationToken.None);
            }
            catch (PartnerReferralsException ex)
            {
                failure = ex;
            }
            finally
            {
                server.Faults.ServerErrorRatio = 0;
                server.Faults.ThrottleRatio = 0;
                server.Faults.DropConnectionRatio = 0;
                server.Faults.TruncateBodyRatio = 0;
                server.Faults.TokenLifetimeOverride = null;
            }

            faultyIds = host.Objects.OfType<Referral>().Select(r => r.Id).ToList();
        }

        Assert.Null(failure);
        Assert.Equal(server.Referrals.Select(r => r.Id), cleanIds);
        Assert.Equal([100_000L], clean.TotalCounts);
        Assert.Equal(cleanIds, faultyIds);
        Assert.Equal(faultyIds.Count, faultyIds.Distinct().Count());

        // The faults really happened and were retried, each retry reported.
        var faults = server.Requests.Where(r => r.Fault is not null and not "latency").ToList();
        Assert.NotEmpty(faults);
        Assert.Contains(host.Lines, l => l.StartsWith("VERBOSE: Retrying", StringComparison.Ordinal));

        // Nothing a user can read holds a token, the refresh token or the secret.
        var everything = Everything(host) + "\n" + Everything(clean);
        Assert.DoesNotContain(refreshToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", everything, StringComparison.Ordinal);
    }
}
