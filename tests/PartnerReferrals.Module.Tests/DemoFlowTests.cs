using System.Globalization;
using PartnerReferrals.Emulator;
using PartnerReferrals.Models;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The steps of <c>build.ps1 -Task Demo</c>, through the same engine entry points the cmdlets call: start the
/// emulator, sign in by device code, export every referral to CSV, read it back, summarise by status and month.
/// </summary>
[Collection(EngineSessionCollection.Name)]
public class DemoFlowTests
{
    [Fact]
    public async Task Demo_exports_every_referral_to_csv_and_summarises_by_status_and_month()
    {
        const int Referrals = 5000;
        var publishFile = Path.Combine(Path.GetTempPath(), $"partnerreferrals-demo-{Guid.NewGuid():N}.json");
        var csvFile = Path.Combine(Path.GetTempPath(), $"partnerreferrals-demo-{Guid.NewGuid():N}.csv");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ReferralCount = Referrals, PublishFile = publishFile });
        try
        {
            Assert.True(File.Exists(publishFile), "the emulator did not publish its address");

            // Connect-PartnerReferrals -Environment Emulator -EmulatorFile <file> -UseDeviceCode -ClientId <any guid>
            var context = PartnerReferralsOperations.Connect(
                new ConnectRequest { Method = SignInMethod.DeviceCode, Environment = PartnerEnvironment.Emulator, EmulatorFile = publishFile, ClientId = Guid.NewGuid().ToString() },
                new RecordingHost(),
                timeout.Token);
            Assert.Equal("Emulator", context.Environment);

            // Get-PartnerReferral | Export-Csv
            var host = new RecordingHost();
            PartnerReferralsOperations.GetReferrals(new ReferralRequest(), host, timeout.Token);
            await using (var writer = new StreamWriter(csvFile))
            {
                CsvExport.Write(writer, host.Objects<Referral>());
            }

            // Import-Csv, compare
            List<Dictionary<string, string>> rows;
            using (var reader = new StreamReader(csvFile))
            {
                rows = CsvExport.Read(reader);
            }

            Assert.Equal(Referrals, rows.Count);
            Assert.Equal(server.Referrals.Select(r => r.Id), rows.Select(r => r["Id"]));
            Assert.Equal(typeof(Referral).GetProperties().Select(p => p.Name), rows[0].Keys);
            Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v.StartsWith("System.", StringComparison.Ordinal) || v.StartsWith("PartnerReferrals.", StringComparison.Ordinal));

            // Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Month, compared with the CSV
            var summaryHost = new RecordingHost();
            var summary = new SummaryRequest { AggregationLevel = "Month" };
            summary.GroupBy.Add("status");
            summary.GroupBy.Add("createdDate");
            PartnerReferralsOperations.GetSummary(summary, summaryHost, timeout.Token);
            var fromService = summaryHost.Objects<ReferralGroup>()
                .ToDictionary(g => (g.Status, Month: g.CreatedDate!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture)), g => g.ReferralCount);
            var fromCsv = rows
                .GroupBy(r => (Status: (string?)r["Status"], Month: DateTime.Parse(r["CreatedDate"], CultureInfo.CurrentCulture).ToString("yyyy-MM", CultureInfo.InvariantCulture)))
                .ToDictionary(g => g.Key, g => (long)g.Count());
            Assert.Equal(fromCsv.OrderBy(p => p.Key.ToString()), fromService.OrderBy(p => p.Key.ToString()));

            PartnerReferralsOperations.Disconnect(false, new RecordingHost());
        }
        finally
        {
            File.Delete(csvFile);
        }
    }
}
