using System.Net;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Http;

public class AuthenticationAndCorrelationTests
{
    [Fact]
    public async Task A_401_renews_the_token_once_and_retries()
    {
        var tokens = new FakeTokens();
        var handler = new FakeHandler((request, _) => request.Headers.Authorization!.Parameter == "fake-token-1"
            ? new System.Net.Http.HttpResponseMessage(HttpStatusCode.Unauthorized)
            : FakeHandler.Json(Pages.Envelope(1, 5, 5)));
        using var session = TestSessions.Create(handler, tokens);

        var rows = await session.GetReferralsAsync(ReferralQuery.Create(null, null, null, null, 0, null), session.NewOperation(null)).ToListAsync();

        Assert.Equal(5, rows.Count);
        Assert.Equal(1, tokens.ForcedRefreshes);
        Assert.Equal(["fake-token-1", "fake-token-2"], handler.Requests.Select(r => r.Token));
    }

    [Fact]
    public async Task A_second_401_asks_the_user_to_sign_in_again()
    {
        var tokens = new FakeTokens();
        var handler = new FakeHandler((_, _) => new System.Net.Http.HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var session = TestSessions.Create(handler, tokens);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () =>
            await session.GetReferralsAsync(ReferralQuery.Create(null, null, null, null, 0, null), session.NewOperation(null)).ToListAsync());

        Assert.Equal("PartnerReferrals.Auth.Unauthorized", error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("Connect-PartnerReferrals", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Count);
        Assert.Equal(1, tokens.ForcedRefreshes);
    }

    [Fact]
    public async Task A_403_explains_roles_permissions_and_app_only_tokens()
    {
        var handler = new FakeHandler((_, _) => FakeHandler.Json("{\"code\":900,\"description\":\"Forbidden\"}", HttpStatusCode.Forbidden));
        using var session = TestSessions.Create(handler);

        var error = await Assert.ThrowsAsync<PartnerReferralsException>(async () =>
            await session.GetReferralsAsync(ReferralQuery.Create(null, null, null, null, 0, null), session.NewOperation(null)).ToListAsync());

        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Admin agent", error.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft Partner Center", error.Message, StringComparison.Ordinal);
        Assert.Contains("app-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_of_an_operation_shares_one_correlation_id_and_has_its_own_request_id()
    {
        var handler = new FakeHandler((request, _) => FakeHandler.Json(Pages.ForQuery(request.RequestUri!, 50)));
        using var session = TestSessions.Create(handler);
        var operation = session.NewOperation(null);

        var rows = await session.GetReferralsAsync(ReferralQuery.Create(null, null, null, 10, 0, null), operation).ToListAsync();

        Assert.Equal(50, rows.Count);
        Assert.Equal(5, handler.Count);
        Assert.All(handler.Requests, r => Assert.Equal(operation.CorrelationId.ToString(), r.CorrelationId));
        Assert.Equal(5, handler.Requests.Select(r => r.RequestId).Distinct().Count());
        Assert.All(handler.Requests, r => Assert.Equal("PartnerReferrals/" + EngineInfo.Version, r.UserAgent));
        Assert.All(handler.Requests, r => Assert.Equal("application/json", r.Accept));
    }

    [Fact]
    public async Task Debug_trace_has_method_url_status_and_ids_but_never_the_token()
    {
        var tokens = new FakeTokens();
        var output = new RecordingHost();
        var handler = new FakeHandler((_, _) => FakeHandler.Json(Pages.Envelope(1, 3, 3)));
        using var session = TestSessions.Create(handler, tokens);

        await session.GetReferralsAsync(ReferralQuery.Create(null, null, null, null, 0, null), session.NewOperation(output)).ToListAsync();

        var line = Assert.Single(output.Debug);
        Assert.Contains("GET https://api.test/partner/v1/analytics/referrals?top=1000", line, StringComparison.Ordinal);
        Assert.Contains("200", line, StringComparison.Ordinal);
        Assert.Contains(handler.Requests.Single().RequestId!, line, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.Current, string.Join("\n", output.Lines), StringComparison.Ordinal);
    }
}
