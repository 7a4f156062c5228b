using System.Text;

namespace PartnerReferrals.Emulator.Tests;

public sealed class DataFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emulator-data-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Rows_load_from_a_json_array_and_are_served_in_the_stable_order()
    {
        var file = Path.Combine(folder, "rows.json");
        await File.WriteAllTextAsync(file, """
            [
              {"id":"2","status":"Won","customerMarket":"DE","customerName":"Müller GmbH","customerOrgSize":"10to50employees",
               "createdDate":"2019-05-01T10:00:00","wonDate":"2019-06-01T10:00:00Z","partnerMarket":"DE","extra":{"ignored":[1,2]}},
              {"id":"1","status":"Accepted","customerMarket":"US","customerName":"O'Brien Consulting","customerOrgSize":"1to9employees",
               "acceptedDate":"2018-02-07T23:43:19","createdDate":"2018-02-04T23:08:59","archivedDate":null,"partnerMarket":"US"},
              {"id":3,"status":"Created","createdDate":"2019-05-01T12:00:00+02:00"}
            ]
            """, Encoding.UTF8);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { DataFile = file });

        // Rows 2 and 3 were created at the same instant (3's zone converted to UTC): the id breaks the tie.
        Assert.Equal(["1", "2", "3"], server.Referrals.Select(r => r.Id));
        Assert.Equal(new DateTime(2019, 5, 1, 10, 0, 0, DateTimeKind.Utc), server.Referrals[2].CreatedDate);
        using var client = EmulatorHttp.Client(server, server.Tokens.IssueUserToken());
        var text = await client.GetStringAsync(EmulatorHttp.ReferralsUrl(("filter", "customerName eq 'müller gmbh'")));
        Assert.Contains("\"customerName\":\"Müller GmbH\"", text, StringComparison.Ordinal);
        Assert.Contains("\"wonDate\":\"2019-06-01T10:00:00\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_load_from_csv_with_quotes_commas_and_empty_cells()
    {
        var file = Path.Combine(folder, "rows.csv");
        await File.WriteAllTextAsync(file,
            "\"Id\",\"Status\",\"CustomerName\",\"CustomerMarket\",\"CreatedDate\",\"WonDate\"\r\n" +
            "\"10\",\"Won\",\"Smith, Jones & \"\"Partners\"\"\",\"GB\",\"2020-01-02T03:04:05\",\"2020-03-01T00:00:00\"\r\n" +
            "11,Created,Société Générale Étoile,FR,2020-01-01,\r\n", new UTF8Encoding(true));
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { DataFile = file });

        Assert.Equal(["11", "10"], server.Referrals.Select(r => r.Id));
        Assert.Equal("Smith, Jones & \"Partners\"", server.Referrals[1].CustomerName);
        Assert.Null(server.Referrals[0].WonDate);
        Assert.Equal("Société Générale Étoile", server.Referrals[0].CustomerName);
    }

    [Fact]
    public async Task A_file_row_without_an_id_is_refused_with_its_position()
    {
        var file = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(file, """[{"id":"1"},{"status":"Won"}]""");
        var error = await Assert.ThrowsAsync<FormatException>(() => EmulatorServer.StartAsync(new EmulatorOptions { DataFile = file }));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }
}
