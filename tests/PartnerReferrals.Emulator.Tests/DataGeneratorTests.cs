namespace PartnerReferrals.Emulator.Tests;

public class DataGeneratorTests
{
    private static readonly string[] OrgSizes =
    [
        "1to9employees", "10to50employees", "51to250employees", "251to1000employees", "1001to5000employees",
        "5001to10000employees", "10001to20000employees", "Morethan20000employees",
    ];

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var a = ReferralGenerator.Generate(2000, 3);
        var b = ReferralGenerator.Generate(2000, 3);
        var c = ReferralGenerator.Generate(2000, 4);
        Assert.Equal(a.Select(Describe), b.Select(Describe));
        Assert.NotEqual(a.Select(Describe), c.Select(Describe));
    }

    [Fact]
    public void Ids_are_unique_and_values_come_from_the_documented_vocabularies()
    {
        var rows = ReferralGenerator.Generate(20_000, 7);
        Assert.Equal(rows.Length, rows.Select(r => r.Id).Distinct().Count());
        Assert.All(rows, r => Assert.Contains(r.CustomerOrgSize, OrgSizes));
        Assert.All(rows, r => Assert.Matches("^[A-Z]{2}$", r.CustomerMarket!));
        Assert.All(rows, r => Assert.Matches("^[A-Z]{2}$", r.PartnerMarket!));
        Assert.Contains(rows, r => r.CustomerName!.Contains('\'', StringComparison.Ordinal));
        Assert.Contains(rows, r => r.CustomerName!.Any(ch => ch > 127));
        Assert.True(rows.Count(r => r.CustomerMarket == "US") > rows.Count(r => r.CustomerMarket == "NZ") * 5, "markets are weighted");
    }

    [Fact]
    public void Statuses_are_the_last_stage_reached_and_dates_increase_along_the_path()
    {
        var rows = ReferralGenerator.Generate(20_000, 7);
        Assert.Equal(
            ["Accepted", "Acknowledged", "Archived", "Created", "Declined", "Expired", "Lost", "Missed", "Skipped", "Won"],
            rows.Select(r => r.Status).Distinct().Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var decisions = new[] { row.AcceptedDate, row.DeclinedDate, row.ExpiredDate, row.MissedDate, row.SkippedDate }.Count(d => d is not null);
            var outcomes = new[] { row.WonDate, row.LostDate }.Count(d => d is not null);
            Assert.True(decisions <= 1 && outcomes <= 1, row.Id);
            Assert.True(outcomes == 0 || row.AcceptedDate is not null, $"{row.Id}: an outcome needs an accepted referral");
            Assert.True(decisions == 0 || row.AcknowledgedDate is not null, $"{row.Id}: a decision needs an acknowledged referral");

            var path = new[] { row.CreatedDate, row.AcknowledgedDate, row.AcceptedDate ?? row.DeclinedDate ?? row.ExpiredDate ?? row.MissedDate ?? row.SkippedDate,
                row.WonDate ?? row.LostDate, row.ArchivedDate }.Where(d => d is not null).Select(d => d!.Value).ToList();
            Assert.True(path.Zip(path.Skip(1)).All(p => p.First < p.Second), $"{row.Id}: dates must increase");

            var expected = row.ArchivedDate is not null ? "Archived"
                : row.WonDate is not null ? "Won" : row.LostDate is not null ? "Lost"
                : row.AcceptedDate is not null ? "Accepted" : row.DeclinedDate is not null ? "Declined" : row.ExpiredDate is not null ? "Expired"
                : row.MissedDate is not null ? "Missed" : row.SkippedDate is not null ? "Skipped"
                : row.AcknowledgedDate is not null ? "Acknowledged" : "Created";
            Assert.Equal(expected, row.Status);
        }
    }

    [Fact]
    public void A_million_rows_generate_in_a_few_seconds()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = ReferralGenerator.Generate(1_000_000, 7);
        Assert.Equal(1_000_000, rows.Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private static string Describe(EmulatorReferral r) =>
        $"{r.Id}|{r.Status}|{r.CustomerName}|{r.CustomerMarket}|{r.PartnerMarket}|{r.CustomerOrgSize}|{r.CreatedDate:O}|{r.AcceptedDate:O}|{r.ArchivedDate:O}";
}
