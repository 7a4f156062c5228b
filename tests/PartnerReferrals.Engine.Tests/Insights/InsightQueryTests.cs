using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.Tests.Fakes;
using PartnerReferrals.Engine.Tests.Integration;
using PartnerReferrals.Models;
using static PartnerReferrals.Engine.Tests.Integration.EmulatorSignIn;

namespace PartnerReferrals.Engine.Tests.Insights;

/// <summary>The query path against the emulator: the same figures as the rows Get-PartnerReferral streams, and input errors before any request.</summary>
public class InsightQueryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly PartnerReferralsSession session = AccessTokenSession(fixture);

    public void Dispose() => session.Dispose();

    private static PartnerReferralsSession AccessTokenSession(EmulatorFixture fixture)
    {
        var request = Request(fixture, SignInMethod.AccessToken);
        request.AccessToken = Secure(fixture.Server.Tokens.IssueUserToken(TimeSpan.FromHours(2)));
        return Connect(request, new RecordingHost(), Options(fixture));
    }

    [Fact]
    public void Measuring_a_query_gives_the_figures_of_the_rows_it_returns_one_object_per_group()
    {
        var request = new ReferralRequest { PageSize = 700, Filter = { CustomerMarket = { "US", "DE" } } };
        var rows = new RecordingHost();
        PartnerReferralsOperations.GetReferrals(session, request, rows, CancellationToken.None);
        var host = new RecordingHost();

        InsightOperations.Measure(session, request, InsightGrouping.Parse(["customerMarket", "status"]), host, CancellationToken.None);

        var referrals = rows.Objects.OfType<Referral>().ToList();
        var measures = host.Objects.OfType<ReferralMeasure>().ToList();
        Assert.Equal(host.Objects.Count, measures.Count);
        Assert.Equal(referrals.GroupBy(r => (r.CustomerMarket, r.Status)).Count(), measures.Count);
        foreach (var measure in measures)
        {
            var group = referrals.Where(r => r.CustomerMarket == measure.CustomerMarket && r.Status == measure.Status).ToList();
            IndependentFigures.AssertEqual(IndependentFigures.Of(group), measure, measure.Group);
        }

        Assert.Contains(host.Progress, p => p.Completed);
    }

    [Fact]
    public void Exporting_a_query_writes_the_report_of_its_rows()
    {
        var path = Path.Combine(fixture.Folder, "query-report.html");
        var request = new ReferralRequest { Filter = { Status = { "Won" } } };

        var file = InsightOperations.ExportReport(session, request, new ReportTarget { Path = path }, new RecordingHost(), CancellationToken.None);

        Assert.Equal(fixture.Server.Referrals.Count(r => r.Status == "Won"), file.Referrals);
        Assert.Equal(new FileInfo(path).Length, file.Length);
        Assert.Contains("data-figure=\"Query\">Status Won</dd>", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_path_in_a_missing_folder_is_refused_before_any_request()
    {
        fixture.Server.Requests.Clear();
        var path = Path.Combine(fixture.Folder, "no-such-folder", "report.html");

        var error = Assert.Throws<PartnerReferralsException>(() =>
            InsightOperations.ExportReport(session, new ReferralRequest(), new ReportTarget { Path = path }, new RecordingHost(), CancellationToken.None));

        Assert.Equal("PartnerReferrals.Insights.InvalidPath", error.ErrorId);
        Assert.Equal("Path", error.ParameterName);
        Assert.Empty(fixture.Server.Requests);
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_an_error_naming_the_path()
    {
        // /proc exists but takes no new file, even for root; the project's machines and CI are Linux.
        const string Path = "/proc/partnerreferrals-report.html";
        Assert.True(OperatingSystem.IsLinux(), "this test needs Linux's /proc");
        var error = Assert.Throws<PartnerReferralsException>(() => InsightOperations.WriteReport(new Engine.Insights.Report.ReportCollector(), new ReportTarget { Path = Path }, new RecordingHost()));
        Assert.Equal("PartnerReferrals.Insights.WriteFailed", error.ErrorId);
        Assert.Equal("Path", error.ParameterName);
        Assert.Contains(Path, error.Message, StringComparison.Ordinal);
    }
}
