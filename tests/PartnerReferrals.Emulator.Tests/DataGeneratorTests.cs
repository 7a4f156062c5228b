namespace PartnerReferrals.Emulator.Tests;

public class DataGeneratorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 5, 9, 30, 15, TimeSpan.Zero);

    private static readonly string[] OrgSizes =
    [
        "1to9employees", "10to50employees", "51to250employees", "251to1000employees", "1001to5000employees",
        "5001to10000employees", "10001to20000employees", "Morethan20000employees",
    ];

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var a = ReferralGenerator.Generate(2000, 3, AsOf);
        var b = ReferralGenerator.Generate(2000, 3, AsOf);
        var c = ReferralGenerator.Generate(2000, 4, AsOf);
        Assert.Equal(a.Select(Describe), b.Select(Describe));
        Assert.NotEqual(a.Select(Describe), c.Select(Describe));
    }

    [Fact]
    public void Ids_are_unique_and_values_come_from_the_documented_vocabularies()
    {
        var rows = ReferralGenerator.Generate(20_000, 7, AsOf);
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
        var rows = ReferralGenerator.Generate(20_000, 7, AsOf);
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

    // Issue 21 item 8: the data ended on 2026-06-30, so "what changed in the last day" found nothing on any later day.
    [Theory]
    [InlineData(400)]
    [InlineData(3000)]
    [InlineData(5000)]
    [InlineData(50_000)]
    public void The_data_ends_at_its_as_of_moment_so_recent_queries_find_rows(int count)
    {
        // A moment just after a month began, the hardest case for "created this month".
        var asOf = new DateTimeOffset(2027, 3, 1, 0, 20, 7, 500, TimeSpan.Zero);
        var end = new DateTime(2027, 3, 1, 0, 20, 7, DateTimeKind.Utc);
        var rows = ReferralGenerator.Generate(count, 7, asOf);

        Assert.Equal(end, rows.SelectMany(Dates).Max());
        Assert.Equal(end, rows[^1].CreatedDate);
        var changedInTheLastDay = rows.Count(r => Dates(r).Any(d => d > end.AddDays(-1)));
        var createdThisMonth = rows.Count(r => r.CreatedDate >= new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(changedInTheLastDay >= 1, $"{count} rows: none changed in the last day");
        Assert.True(createdThisMonth >= 1, $"{count} rows: none created this month");
        Assert.True(rows.Count(r => r.CreatedDate > end.AddDays(-30)) >= count / 200, $"{count} rows: too few created in the last 30 days");
        Assert.True(rows[0].CreatedDate < end.AddYears(-8), "the data reaches back about eight and a half years");
    }

    [Fact]
    public void Another_as_of_moment_shifts_every_date_and_keeps_everything_else()
    {
        var later = AsOf.AddDays(123.25);
        var a = ReferralGenerator.Generate(3000, 7, AsOf);
        var b = ReferralGenerator.Generate(3000, 7, later);
        Assert.Equal(a.Select(r => (r.Id, r.Status, r.CustomerName, r.CustomerMarket, r.PartnerMarket, r.CustomerOrgSize)),
            b.Select(r => (r.Id, r.Status, r.CustomerName, r.CustomerMarket, r.PartnerMarket, r.CustomerOrgSize)));
        var shift = TimeSpan.FromDays(123.25);
        Assert.Equal(a.Select(r => string.Join('|', Dates(r, keepMissing: true).Select(d => (d + shift)?.ToString("O")))),
            b.Select(r => string.Join('|', Dates(r, keepMissing: true).Select(d => d?.ToString("O")))));
    }

    [Fact]
    public void Fractions_of_a_second_in_the_as_of_moment_are_cut()
    {
        var rows = ReferralGenerator.Generate(10, 7, new DateTimeOffset(2026, 12, 5, 9, 30, 15, 999, TimeSpan.FromHours(2)));
        Assert.Equal(new DateTime(2026, 12, 5, 7, 30, 15, DateTimeKind.Utc), rows[^1].CreatedDate);
        Assert.Equal(DateTimeKind.Utc, rows[^1].CreatedDate!.Value.Kind);
    }

    [Fact]
    public void A_million_rows_generate_in_a_few_seconds()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = ReferralGenerator.Generate(1_000_000, 7, AsOf);
        Assert.Equal(1_000_000, rows.Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private static IEnumerable<DateTime> Dates(EmulatorReferral r) => Dates(r, keepMissing: false).Select(d => d!.Value);

    private static IEnumerable<DateTime?> Dates(EmulatorReferral r, bool keepMissing) =>
        new[] { r.CreatedDate, r.AcknowledgedDate, r.AcceptedDate, r.DeclinedDate, r.ExpiredDate, r.MissedDate, r.SkippedDate, r.WonDate, r.LostDate, r.ArchivedDate }
            .Where(d => keepMissing || d is not null);

    private static string Describe(EmulatorReferral r) =>
        $"{r.Id}|{r.Status}|{r.CustomerName}|{r.CustomerMarket}|{r.PartnerMarket}|{r.CustomerOrgSize}|{r.CreatedDate:O}|{r.AcceptedDate:O}|{r.ArchivedDate:O}";
}
