using System.Globalization;
using System.Net;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Trust;

public class PartialResultTests
{
    private static FakeHandler FailingFromSkip(long failSkip, long total) => new((request, _) =>
    {
        var skip = long.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["skip"] ?? "0", CultureInfo.InvariantCulture);
        return skip >= failSkip
            ? FakeHandler.Json("{\"code\":400,\"description\":\"Injected failure.\"}", HttpStatusCode.BadRequest)
            : FakeHandler.Json(Pages.ForQuery(request.RequestUri!, total));
    });

    [Fact]
    public void A_pull_that_fails_midway_says_how_many_rows_were_written_of_how_many_and_how_to_resume()
    {
        var options = TestSessions.FastOptions();
        options.MaxConcurrency = 1;
        using var session = TestSessions.Create(FailingFromSkip(1600, 10_000), options: options);
        var host = new RecordingHost();

        var error = Assert.Throws<PartnerReferralsException>(() =>
            PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 400 }, host, CancellationToken.None));

        Assert.Equal(1600, host.Objects.OfType<Referral>().Count());
        Assert.Equal("PartnerReferrals.Api.BadRequest", error.ErrorId);
        Assert.Contains("1,600 of 10,000 referrals", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Skip 1600", error.Message, StringComparison.Ordinal);
        Assert.Equal(1600L, error.Data[PartialResult.RowsWrittenKey]);
        Assert.Equal(1600L, error.Data[PartialResult.ResumeSkipKey]);
    }

    [Fact]
    public void The_resume_advice_keeps_skip_and_first_of_the_original_command()
    {
        var options = TestSessions.FastOptions();
        options.MaxConcurrency = 1;
        using var session = TestSessions.Create(FailingFromSkip(900, 10_000), options: options);
        var host = new RecordingHost();

        var error = Assert.Throws<PartnerReferralsException>(() =>
            PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 100, Skip = 500, First = 1000 }, host, CancellationToken.None));

        Assert.Equal(400, host.Objects.OfType<Referral>().Count());
        Assert.Contains("400 of 1,000 referrals", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Skip 900 -First 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pull_that_fails_before_any_row_keeps_the_plain_error()
    {
        using var session = TestSessions.Create(FailingFromSkip(0, 10_000));

        var error = Assert.Throws<PartnerReferralsException>(() =>
            PartnerReferralsOperations.GetReferrals(session, new ReferralRequest { PageSize = 100 }, new RecordingHost(), CancellationToken.None));

        Assert.DoesNotContain("incomplete", error.Message, StringComparison.Ordinal);
    }
}
