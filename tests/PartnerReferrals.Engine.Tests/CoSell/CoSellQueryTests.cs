using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Engine.Tests.CoSell;

public class CoSellQueryTests
{
    [Fact]
    public void Typed_filters_are_eq_terms_joined_by_and_after_the_callers_filter()
    {
        var query = new CoSellQuery { Filter = "customerProfile/address/country eq 'US'", Status = "New", Substatus = "Pending", Direction = "Incoming" };

        Assert.Equal("(customerProfile/address/country eq 'US') and status eq 'New' and substatus eq 'Pending' and direction eq 'Incoming'", query.FilterText());
    }

    [Fact]
    public void A_filter_alone_is_sent_as_written_and_no_filter_sends_none()
    {
        Assert.Equal("type eq 'Shared'", new CoSellQuery { Filter = " type eq 'Shared' " }.FilterText());
        Assert.Null(new CoSellQuery().FilterText());
        Assert.Equal(string.Empty, new CoSellQuery().ToQueryString());
    }

    [Fact]
    public void The_query_string_escapes_the_filter_and_maps_paging()
    {
        var query = new CoSellQuery { Direction = "Outgoing", OrderBy = "updatedDateTime asc", First = 25, Skip = 50, Count = true };

        Assert.Equal("$filter=direction%20eq%20%27Outgoing%27&$orderby=updatedDateTime%20asc&$top=25&$skip=50&$count=true", query.ToQueryString());
    }

    [Fact]
    public void Quotes_in_values_are_doubled()
    {
        Assert.Equal("'O''Brien'", CoSellQuery.Literal("O'Brien"));
    }

    [Fact]
    public void Known_values_take_their_canonical_spelling()
    {
        Assert.Equal("Incoming", CoSellQuery.Canonical(CoSellQuery.Directions, "incoming"));
        Assert.Null(CoSellQuery.Canonical(ReferralStatuses.Statuses, "Open"));
    }
}
