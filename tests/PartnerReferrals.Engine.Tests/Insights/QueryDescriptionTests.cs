using PartnerReferrals.Engine.Insights.Report;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Tests.Insights;

/// <summary>The report header's query in words: every filter part a cmdlet can set, and never the API's grammar.</summary>
public class QueryDescriptionTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void No_filter_is_all_referrals()
    {
        Assert.Equal("All referrals", QueryDescription.Of(new ReferralFilter()));
        Assert.Equal("All referrals", QueryDescription.Of(null));
    }

    [Fact]
    public void Dates_statuses_and_markets_read_as_a_sentence()
    {
        var filter = new ReferralFilter { After = Utc(2025, 1, 1), Status = { "Won", "Lost" }, CustomerMarket = { "US", "CA" } };

        Assert.Equal("Created on or after 1 Jan 2025; status Won or Lost; customer market US or CA", QueryDescription.Of(filter));
    }

    [Fact]
    public void Another_date_field_names_its_stage_and_a_time_of_day_is_shown_in_UTC()
    {
        var filter = new ReferralFilter { DateField = "ACCEPTEDDATE", After = Utc(2025, 3, 1), Before = Utc(2025, 4, 1, 12, 30) };

        Assert.Equal("Accepted on or after 1 Mar 2025 and before 1 Apr 2025 12:30 UTC", QueryDescription.Of(filter));
    }

    [Fact]
    public void An_unspecified_time_is_taken_as_UTC_as_the_filter_sends_it()
    {
        var filter = new ReferralFilter { Before = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Unspecified) };

        Assert.Equal("Created before 29 Feb 2024 23:59:58 UTC", QueryDescription.Of(filter));
    }

    [Fact]
    public void Every_other_part_in_words_and_a_raw_filter_as_given()
    {
        var filter = new ReferralFilter
        {
            ChangedSince = Utc(2026, 6, 30),
            PartnerMarket = { "DE", "de", " ", "FR", "GB" },
            CustomerOrgSize = { "1to9employees" },
            CustomerNameContains = "O'Brien",
            Id = { "100003", "100007" },
            RawFilter = "  contains(customerName,'Ltd') ",
        };

        Assert.Equal(
            "Changed on or after 30 Jun 2026 (any lifecycle date); partner market DE, FR or GB; customer org size 1to9employees; "
            + "customer name contains \"O'Brien\"; id 100003 or 100007; -Filter as given: contains(customerName,'Ltd')",
            QueryDescription.Of(filter));
    }

    [Fact]
    public void The_grammar_sent_to_the_API_never_shows()
    {
        var filter = new ReferralFilter { After = Utc(2025, 1, 1), Before = Utc(2025, 2, 1), ChangedSince = Utc(2025, 1, 15), Status = { "Won" }, CustomerMarket = { "US", "CA" } };
        var sent = FilterBuilder.Build(filter)!;
        var shown = QueryDescription.Of(filter);

        Assert.Contains("cast(", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("cast(", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Edm.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" eq ", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" ge ", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("'", shown, StringComparison.Ordinal);
    }
}
