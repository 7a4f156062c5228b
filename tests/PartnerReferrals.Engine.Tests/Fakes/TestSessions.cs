using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Engine.Tests.Fakes;

/// <summary>Sessions around a fake network with delays recorded instead of slept.</summary>
internal static class TestSessions
{
    public static PartnerReferralsOptions FastOptions(List<TimeSpan>? delays = null) => new()
    {
        Delay = (delay, _) =>
        {
            lock (delays ?? [])
            {
                delays?.Add(delay);
            }

            return Task.CompletedTask;
        },
        Jitter = () => 0.5,
    };

    public static PartnerReferralsSession Create(FakeHandler handler, IAccessTokenProvider? tokens = null, PartnerReferralsOptions? options = null) =>
        new(new Uri("https://api.test/"), tokens ?? new FakeTokens(), null, options ?? FastOptions(), handler);
}
