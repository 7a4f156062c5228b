using System.Globalization;
using System.Net;
using PartnerReferrals.Engine.Export;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Tests.Fakes;

namespace PartnerReferrals.Engine.Tests.Export;

public sealed class ReferralExportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("partnerreferrals-export-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private static FakeHandler Serving(long total, long failFromSkip = long.MaxValue) => new((request, _) =>
    {
        var skip = long.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["skip"] ?? "0", CultureInfo.InvariantCulture);
        return skip >= failFromSkip
            ? FakeHandler.Json("{\"code\":400,\"description\":\"Injected failure.\"}", HttpStatusCode.BadRequest)
            : FakeHandler.Json(Pages.ForQuery(request.RequestUri!, total));
    });

    private static void Export(FakeHandler handler, ExportRequest request)
    {
        using var session = TestSessions.Create(handler);
        ReferralExport.Export(session, request, new RecordingHost(), CancellationToken.None);
    }

    private string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void A_complete_pull_writes_a_header_and_one_line_per_row_and_no_temporary_file()
    {
        var path = PathOf("all.csv");
        Export(Serving(250), new ExportRequest { Path = path, Query = new ReferralRequest { PageSize = 100 } });

        var lines = File.ReadAllText(path).Split("\r\n");
        Assert.Equal(ReferralCsvWriter.HeaderText, lines[0]);
        Assert.Equal(252, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_failed_pull_leaves_the_existing_file_as_it_was_and_says_nothing_was_written()
    {
        var path = PathOf("kept.csv");
        File.WriteAllText(path, "before");

        var error = Assert.Throws<PartnerReferralsException>(() =>
            Export(Serving(1000, failFromSkip: 300), new ExportRequest { Path = path, Query = new ReferralRequest { PageSize = 100 } }));

        Assert.Equal("before", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
        Assert.Contains("Nothing was written to '" + path + "'", error.Message, StringComparison.Ordinal);
        Assert.Equal("PartnerReferrals.Api.BadRequest", error.ErrorId);
        Assert.Equal(0L, error.Data[global::PartnerReferrals.Engine.Operations.PartialResult.RowsWrittenKey]);
    }

    [Fact]
    public void Append_adds_rows_without_a_header_and_a_failed_append_adds_nothing()
    {
        var path = PathOf("appended.csv");
        Export(Serving(30), new ExportRequest { Path = path, Query = new ReferralRequest { First = 10 } });
        Export(Serving(30), new ExportRequest { Path = path, Append = true, Query = new ReferralRequest { Skip = 10 } });
        var whole = File.ReadAllText(path);
        Assert.Equal(32, whole.Split("\r\n").Length);
        Assert.Single(whole.Split("\r\n"), l => l == ReferralCsvWriter.HeaderText);

        var error = Assert.Throws<PartnerReferralsException>(() =>
            Export(Serving(1000, failFromSkip: 200), new ExportRequest { Path = path, Append = true, Query = new ReferralRequest { PageSize = 100 } }));
        Assert.Equal(whole, File.ReadAllText(path));
        Assert.Contains("Nothing was appended", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_refuses_a_file_with_another_header_before_any_request()
    {
        var path = PathOf("other.csv");
        File.WriteAllText(path, "\"Name\",\"Size\"\n\"x\",\"1\"\n");
        var handler = Serving(10);

        var error = Assert.Throws<PartnerReferralsException>(() => Export(handler, new ExportRequest { Path = path, Append = true }));

        Assert.Equal("PartnerReferrals.Export.HeaderMismatch", error.ErrorId);
        Assert.Equal("Append", error.ParameterName);
        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData("\"3/1/2024 10:42:54 AM\"")]
    [InlineData("\"01.03.2024 10:42:54\"")]
    [InlineData("\"2024-03-01T10:42:54\"")]
    public void Append_refuses_a_file_whose_dates_are_not_ISO_8601_UTC_before_any_request(string created)
    {
        // As Export-Csv of Get-PartnerReferral writes it: the same header, dates in the writer's culture.
        var path = PathOf("exported.csv");
        var cells = ReferralCsvWriter.Columns.Select(c => c == "CreatedDate" ? created : c.EndsWith("Date", StringComparison.Ordinal) ? string.Empty : "\"x\"");
        var text = ReferralCsvWriter.HeaderText + "\r\n\"\"\"quoted\"\",\r\nname\"," + string.Join(",", cells.Skip(1)) + "\r\n";
        File.WriteAllText(path, text);
        var handler = Serving(10);

        var error = Assert.Throws<PartnerReferralsException>(() => Export(handler, new ExportRequest { Path = path, Append = true }));

        Assert.Equal("PartnerReferrals.Export.DateFormatMismatch", error.ErrorId);
        Assert.Equal("Append", error.ParameterName);
        Assert.Contains("CreatedDate '" + created.Trim('"') + "'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Count);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Append_takes_the_referral_columns_quoted_or_not_and_keeps_the_files_LF_line_breaks()
    {
        var path = PathOf("unquoted.csv");
        File.WriteAllText(path, string.Join(",", ReferralCsvWriter.Columns) + "\n1,Won,,,,,2024-03-01T10:42:54Z,,,,,,,,,\n");

        Export(Serving(2), new ExportRequest { Path = path, Append = true });

        var text = File.ReadAllText(path);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Equal(5, text.Split('\n').Length);
    }

    [Fact]
    public void Append_accepts_its_own_files_dates_with_and_without_a_fraction()
    {
        var path = PathOf("own.csv");
        File.WriteAllText(path, ReferralCsvWriter.HeaderText + "\r\n\"1\",,,,,,\"2024-03-01T10:42:54Z\",\"2024-03-01T10:42:54.1234567Z\",,,,,,,,\r\n");

        Export(Serving(3), new ExportRequest { Path = path, Append = true });

        // The header, the row that was there, the three appended and the empty end.
        Assert.Equal(6, File.ReadAllText(path).Split("\r\n").Length);
    }

    [Fact]
    public void NoClobber_refuses_an_existing_file_before_any_request()
    {
        var path = PathOf("exists.csv");
        File.WriteAllText(path, "x");
        var handler = Serving(10);

        var error = Assert.Throws<PartnerReferralsException>(() => Export(handler, new ExportRequest { Path = path, NoClobber = true }));

        Assert.Equal("NoClobber", error.ParameterName);
        Assert.Equal(0, handler.Count);
        Assert.Equal("x", File.ReadAllText(path));
    }
}
