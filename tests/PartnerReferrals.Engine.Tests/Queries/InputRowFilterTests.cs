using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Tests.Queries;

public class InputRowFilterTests
{
    [Fact]
    public void A_summary_row_matches_its_grouped_values_and_its_month_with_an_exclusive_end()
    {
        var row = new Dictionary<string, object?>
        {
            ["Status"] = "Won",
            ["CustomerMarket"] = null,
            ["CreatedDate"] = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            ["GroupBy"] = "status,createdDate",
            ["AggregationLevel"] = "month",
        };
        Assert.Equal(
            "status eq 'Won' and createdDate ge cast('2024-03-01T00:00:00Z', Edm.DateTimeOffset) and createdDate lt cast('2024-04-01T00:00:00Z', Edm.DateTimeOffset)",
            InputRowFilter.Build(row));
    }

    [Fact]
    public void A_grouped_field_without_a_value_matches_rows_without_it()
    {
        var row = new Dictionary<string, object?> { ["WonDate"] = null, ["CustomerName"] = "O'Brien", ["GroupBy"] = "customerName,wonDate" };
        Assert.Equal("customerName eq 'O''Brien' and wonDate eq null", InputRowFilter.Build(row));
    }

    [Fact]
    public void A_week_bucket_starts_on_the_monday_on_or_before_the_date()
    {
        var (start, end) = DateBucket.Of(new DateTime(2024, 3, 3, 15, 0, 0, DateTimeKind.Utc), "Week");
        Assert.Equal(new DateTime(2024, 2, 26, 0, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);
        Assert.Equal(start.AddDays(7), end);
    }

    [Fact]
    public void A_referral_means_its_id_only()
    {
        var row = new Dictionary<string, object?> { ["Id"] = "100003", ["Status"] = "Won", ["CustomerMarket"] = "US" };
        Assert.Equal("id eq '100003'", InputRowFilter.Build(row));
    }

    [Fact]
    public void An_empty_id_leaves_the_other_properties_to_drill_down_by_as_several_values_of_one()
    {
        var row = new Dictionary<string, object?> { ["Id"] = " ", ["Status"] = new object[] { "Won", "won", "Lost" }, ["CustomerMarket"] = "US" };
        Assert.Equal("(status eq 'Won' or status eq 'Lost') and customerMarket eq 'US'", InputRowFilter.Build(row));
    }

    [Fact]
    public void An_object_without_any_known_property_is_refused_naming_the_properties()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => InputRowFilter.Build(new Dictionary<string, object?> { ["Colour"] = "red" }));
        Assert.Equal("PartnerReferrals.Query.InputObjectNotUsable", error.ErrorId);
        Assert.Contains("GroupBy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grouped_field_the_row_lost_is_refused()
    {
        var row = new Dictionary<string, object?> { ["Status"] = "Won", ["GroupBy"] = "status,createdDate" };
        var error = Assert.Throws<PartnerReferralsException>(() => InputRowFilter.Build(row));
        Assert.Equal("PartnerReferrals.Query.InputObjectIncomplete", error.ErrorId);
    }
}
