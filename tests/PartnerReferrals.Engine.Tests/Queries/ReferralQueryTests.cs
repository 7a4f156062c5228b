using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Tests.Queries;

public class ReferralQueryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    [InlineData(-5)]
    public void PageSize_outside_the_api_range_names_the_parameter_and_the_range(int pageSize)
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, null, null, pageSize, 0, null));
        Assert.Equal("PartnerReferrals.Query.PageSizeOutOfRange", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("PageSize", error.ParameterName);
        Assert.Equal(pageSize, error.Target);
        Assert.Contains("-PageSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_group_by_field_lists_the_valid_fields()
    {
        var request = new SummaryRequest();
        request.GroupBy.Add("state");
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.FromRequest(request));
        Assert.Equal("PartnerReferrals.Query.UnknownField", error.ErrorId);
        Assert.Equal("GroupBy", error.ParameterName);
        Assert.Equal("state", error.Target);
        Assert.Contains("status", error.Message, StringComparison.Ordinal);
        Assert.Contains("createdDate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregation_level_without_group_by_is_rejected()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, null, "Month", null, 0, null));
        Assert.Equal("PartnerReferrals.Query.AggregationWithoutGroupBy", error.ErrorId);
        Assert.Equal("AggregationLevel", error.ParameterName);
        Assert.Contains("-GroupBy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregation_level_without_a_date_field_is_rejected()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, ["status"], "week", null, 0, null));
        Assert.Equal("PartnerReferrals.Query.AggregationWithoutDateField", error.ErrorId);
        Assert.Contains("createdDate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_aggregation_level_lists_the_valid_ones()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, ["createdDate"], "year", null, 0, null));
        Assert.Equal("PartnerReferrals.Query.InvalidAggregationLevel", error.ErrorId);
        Assert.Equal("year", error.Target);
        Assert.Contains("Day, Week or Month", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_skip_and_first_name_their_parameters()
    {
        Assert.Equal("Skip", Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, null, null, null, -1, null)).ParameterName);
        Assert.Equal("First", Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, null, null, null, 0, -1)).ParameterName);
    }

    [Fact]
    public void Id_cannot_be_grouped()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.Create(null, ["id"], null, null, 0, null));
        Assert.Equal("PartnerReferrals.Query.FieldNotGroupable", error.ErrorId);
    }

    [Fact]
    public void Summary_without_group_by_is_rejected()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.FromRequest(new SummaryRequest()));
        Assert.Equal("GroupBy", error.ParameterName);
    }

    [Fact]
    public void Group_by_names_are_canonicalised_and_levels_lower_cased()
    {
        var query = ReferralQuery.Create(null, ["STATUS", "createddate,status"], "Month", null, 0, null);
        Assert.Equal(["status", "createdDate"], query.GroupBy);
        Assert.Equal("groupby=status%2CcreatedDate&aggregationLevel=month&top=10000", query.ToQueryString(0, 10000));
    }

    [Fact]
    public void Query_string_percent_encodes_the_filter()
    {
        var query = ReferralQuery.Create("customerName eq 'A&B=C+D ü'", null, null, 50, 0, null);
        Assert.Equal("filter=customerName%20eq%20%27A%26B%3DC%2BD%20%C3%BC%27&top=50&skip=100", query.ToQueryString(100, 50));
    }

    [Fact]
    public void Defaults_are_the_api_maximum_page_and_no_limit()
    {
        var query = ReferralQuery.FromRequest(new ReferralRequest());
        Assert.Equal(10000, query.PageSize);
        Assert.Null(query.First);
        Assert.Null(query.Filter);
        Assert.False(query.IsGrouped);
    }
}
