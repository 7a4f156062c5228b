using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;
using static PartnerReferrals.Engine.Tests.Integration.EmulatorSignIn;

namespace PartnerReferrals.Engine.Tests.Integration;

/// <summary>Heavy throttling with Retry-After as an HTTP date: waited out, and the pull is still complete.</summary>
public class ThrottlingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Throttling_with_retry_after_dates_is_waited_out_and_lowers_concurrency()
    {
        var request = Request(fixture, SignInMethod.AccessToken);
        request.AccessToken = Secure(fixture.Server.Tokens.IssueUserToken(TimeSpan.FromHours(1)));
        var waits = new List<TimeSpan>();
        var options = Options(fixture);
        options.Http.MaxAttempts = 20;
        options.Http.Delay = (delay, token) =>
        {
            lock (waits)
            {
                waits.Add(delay);
            }

            return Task.Delay(TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds, 5)), token);
        };
        using var session = Connect(request, new RecordingHost(), options);
        var host = new RecordingHost();
        fixture.Server.Faults.ThrottleRatio = 0.3;
        fixture.Server.Faults.RetryAfterAsDate = true;
        fixture.Server.Faults.RetryAfterSeconds = 30;
        try
        {
            PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 200 }, host, CancellationToken.None);
        }
        finally
        {
            fixture.Server.Faults.ThrottleRatio = 0;
            fixture.Server.Faults.RetryAfterAsDate = false;
        }

        Assert.Equal(fixture.Server.Referrals.Select(r => r.Id), host.Objects.OfType<Referral>().Select(r => r.Id));
        Assert.Contains(fixture.Server.Requests, r => r.StatusCode == 429);
        // An HTTP date has whole seconds: the wait is the rest of those 30 s, not a backoff of a second or two.
        Assert.Contains(waits, w => w > TimeSpan.FromSeconds(25) && w <= TimeSpan.FromSeconds(31));
        Assert.Contains(host.Lines, l => l.Contains("429", StringComparison.Ordinal) && l.StartsWith("VERBOSE: Retrying", StringComparison.Ordinal));
    }
}
