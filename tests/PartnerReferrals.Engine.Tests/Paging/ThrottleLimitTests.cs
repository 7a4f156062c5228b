using System.Net;
using PartnerReferrals.Engine.Http;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Paging;

public class ThrottleLimitTests
{
    private static ReferralQuery Query(int? throttleLimit) => ReferralQuery.FromRequest(new ReferralRequest { PageSize = 100, ThrottleLimit = throttleLimit });

    private int inFlight;
    private int most;

    /// <summary>
    /// Holds each page from skip <paramref name="fromSkip"/> on until <paramref name="hold"/> of them are in flight
    /// (or 500 ms passed), and records the most in flight at once: a pager that allowed more would reach more.
    /// </summary>
    private FakeHandler Holding(int hold, long total, long fromSkip, Func<int, bool>? throttle = null) => FakeHandler.Async(async (request, n, token) =>
    {
        if (throttle?.Invoke(n) == true)
        {
            return new System.Net.Http.HttpResponseMessage((HttpStatusCode)429);
        }

        var skip = long.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["skip"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        if (skip >= fromSkip && fromSkip > 0)
        {
            InterlockedMax(ref most, Interlocked.Increment(ref inFlight));
            try
            {
                var deadline = DateTime.UtcNow.AddMilliseconds(500);
                while (Volatile.Read(ref inFlight) < hold && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(5, token);
                }
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        return FakeHandler.Json(Pages.ForQuery(request.RequestUri!, total));
    });

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-1)]
    public void A_throttle_limit_outside_1_to_16_is_refused_naming_the_parameter(int limit)
    {
        var error = Assert.Throws<PartnerReferralsException>(() => Query(limit));

        Assert.Equal("ThrottleLimit", error.ParameterName);
        Assert.Equal("PartnerReferrals.Query.ThrottleLimitOutOfRange", error.ErrorId);
        Assert.Contains("1..16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bounds_themselves_are_accepted_and_no_limit_keeps_the_default()
    {
        Assert.Equal(1, Query(1).ThrottleLimit);
        Assert.Equal(16, Query(16).ThrottleLimit);
        Assert.Null(Query(null).ThrottleLimit);
        Assert.Equal(4, PageStreamer<Referral>.Concurrency(Query(null), new OperationContext()));
        Assert.Equal(16, ReferralQuery.FromRequest(new SummaryRequest { GroupBy = { "status" }, Query = { ThrottleLimit = 16 } }).ThrottleLimit);
    }

    [Fact]
    public void Each_429_halves_the_limit_down_to_one()
    {
        var operation = new OperationContext();
        var query = Query(16);
        Assert.Equal(16, PageStreamer<Referral>.Concurrency(query, operation));
        operation.OnThrottled();
        Assert.Equal(8, PageStreamer<Referral>.Concurrency(query, operation));
        operation.OnThrottled();
        operation.OnThrottled();
        Assert.Equal(2, PageStreamer<Referral>.Concurrency(query, operation));
        for (var i = 0; i < 40; i++)
        {
            operation.OnThrottled();
        }

        Assert.Equal(1, PageStreamer<Referral>.Concurrency(query, operation));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task A_pull_keeps_exactly_as_many_pages_in_flight_as_the_limit(int limit)
    {
        using var session = TestSessions.Create(Holding(limit, 2_000, fromSkip: 100));

        var rows = await session.GetReferralsAsync(Query(limit), session.NewOperation(null)).ToListAsync();

        Assert.Equal(2_000, rows.Count);
        Assert.Equal(limit, most);
    }

    [Fact]
    public async Task After_a_429_a_limit_of_8_starts_at_most_4_pages_at_once()
    {
        // Pages 2..9 go out together; the first of them is throttled. Pages from skip 1000 on start after the 429.
        var throttled = 0;
        using var session = TestSessions.Create(Holding(8, 3_000, fromSkip: 1_000, n => n == 2 && Interlocked.Exchange(ref throttled, 1) == 0));
        var operation = session.NewOperation(null);

        var rows = await session.GetReferralsAsync(Query(8), operation).ToListAsync();

        Assert.Equal(3_000, rows.Count);
        Assert.Equal(1, operation.ThrottledCount);
        Assert.Equal(4, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
