using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Queries;

/// <summary>
/// Issue 21 item 16: createdMonth and createdDate -AggregationLevel Month name one thing, for the summary and for
/// Measure-PartnerReferral alike, and a level named twice must agree.
/// </summary>
public class GroupingNamesTests
{
    private static readonly List<Referral> Rows = Insights.HeldOutReferrals.Create(3000, seed: 21);

    [Theory]
    [InlineData("createdMonth", "createdDate", "Month", "createdDate", "month")]
    [InlineData("status,createdWeek", "status,createdDate", "Week", "status,createdDate", "week")]
    [InlineData("wonDay", "wonDate", "Day", "wonDate", "day")]
    [InlineData("createdDate", "createdDate", null, "createdDate", "day")]
    public void The_summary_sends_a_bucket_name_as_the_field_and_its_level(string bucket, string field, string? level, string groupBy, string sent)
    {
        var byBucket = ReferralQuery.Create(null, [bucket], null, null, 0, null);
        var byLevel = ReferralQuery.Create(null, [field], level, null, 0, null);

        Assert.Equal(groupBy, string.Join(",", byBucket.GroupBy));
        Assert.Equal(sent, byBucket.AggregationLevel);
        Assert.Equal(byLevel.ToQueryString(0, 100), byBucket.ToQueryString(0, 100));
    }

    [Fact]
    public void Measure_reads_createdDate_with_a_level_as_the_bucket_of_that_name_and_gives_the_same_figures()
    {
        var byBucket = InsightGrouping.Parse(["customerMarket", "createdMonth"]);
        var byLevel = InsightGrouping.Parse(["customerMarket", "createdDate"], "month");

        Assert.Equal("customerMarket,createdMonth", byLevel.Text);
        Assert.Equal(byBucket.Text, byLevel.Text);
        Assert.Equal("Month", byLevel.Level);
        var expected = InsightOperations.MeasureAll(Rows, byBucket);
        var actual = InsightOperations.MeasureAll(Rows, byLevel);
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected.Zip(actual), pair =>
        {
            Assert.Equal((pair.First.Group, pair.First.CreatedPeriod, pair.First.Interval, pair.First.Created, pair.First.Won, pair.First.AcceptMedianHours), (pair.Second.Group, pair.Second.CreatedPeriod, pair.Second.Interval, pair.Second.Created, pair.Second.Won, pair.Second.AcceptMedianHours));
        });
        Assert.Equal("createdDay", InsightGrouping.Parse(["createdDate"]).Text);
    }

    [Theory]
    [InlineData("PartnerReferrals.Query.")]
    [InlineData("PartnerReferrals.Insights.")]
    public void A_level_named_twice_must_agree(string prefix)
    {
        Action<string[], string?> parse = prefix.Contains("Query", StringComparison.Ordinal)
            ? (names, level) => ReferralQuery.Create(null, names, level, null, 0, null)
            : (names, level) => InsightGrouping.Parse(names, level);

        var withParameter = Assert.Throws<PartnerReferralsException>(() => parse(["createdMonth"], "Week"));
        Assert.Equal(prefix + "ConflictingAggregationLevel", withParameter.ErrorId);
        Assert.Equal("AggregationLevel", withParameter.ParameterName);
        Assert.Contains("createdMonth", withParameter.RecommendedAction, StringComparison.Ordinal);

        parse(["createdMonth"], "month");
    }

    [Fact]
    public void The_summary_refuses_two_levels_in_GroupBy_and_takes_one_level_for_every_date()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, ["createdMonth", "wonWeek"], null, null, 0, null));
        Assert.Equal("PartnerReferrals.Query.ConflictingAggregationLevel", error.ErrorId);
        Assert.Equal("GroupBy", error.ParameterName);

        Assert.Equal(["createdDate"], ReferralQuery.Create(null, ["createdDate,createdMonth"], null, null, 0, null).GroupBy);
        var both = ReferralQuery.Create(null, ["createdMonth", "wonDate"], null, null, 0, null);
        Assert.Equal(["createdDate", "wonDate"], both.GroupBy);
        Assert.Equal("month", both.AggregationLevel);
    }

    [Theory]
    [InlineData("wonMonth")]
    [InlineData("customerName")]
    [InlineData("id")]
    public void Measure_groups_by_the_created_date_and_the_fields_its_output_carries_only(string name)
    {
        var error = Assert.Throws<PartnerReferralsException>(() => InsightGrouping.Parse([name]));
        Assert.Equal("PartnerReferrals.Insights.UnknownGroupBy", error.ErrorId);
        Assert.Contains("createdDate", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("createdMonth", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_refuses_a_level_without_the_created_date()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => InsightGrouping.Parse(["status"], "Month"));
        Assert.Equal("PartnerReferrals.Insights.AggregationWithoutDateField", error.ErrorId);
        Assert.Equal("AggregationLevel", error.ParameterName);
    }
}
