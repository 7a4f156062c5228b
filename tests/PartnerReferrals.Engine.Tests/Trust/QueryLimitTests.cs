using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Tests.Trust;

public class QueryLimitTests
{
    [Fact]
    public void A_skip_beyond_what_the_api_reads_is_refused_naming_skip()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.FromRequest(new ReferralRequest { Skip = 2_147_483_648L }));
        Assert.Equal("PartnerReferrals.Query.SkipOutOfRange", error.ErrorId);
        Assert.Equal("Skip", error.ParameterName);
        Assert.NotNull(ReferralQuery.FromRequest(new ReferralRequest { Skip = int.MaxValue }));
    }

    [Fact]
    public void Thousands_of_status_values_are_refused_before_any_request_naming_the_filter()
    {
        var request = new ReferralRequest();
        for (var i = 0; i < 2000; i++)
        {
            request.Filter.Status.Add("Status" + i);
        }

        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.FromRequest(request));

        Assert.Equal("PartnerReferrals.Query.FilterTooLong", error.ErrorId);
        Assert.Equal("Status", error.ParameterName);
        Assert.StartsWith("-Status:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_raw_filter_is_refused_naming_filter()
    {
        var request = new ReferralRequest { Filter = { RawFilter = "customerName eq '" + new string('x', 9000) + "'" } };
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralQuery.FromRequest(request));
        Assert.Equal("Filter", error.ParameterName);
    }

    [Fact]
    public void A_filter_just_under_the_limit_is_accepted()
    {
        var request = new ReferralRequest { Filter = { CustomerNameContains = new string('a', 7000) } };
        Assert.NotNull(ReferralQuery.FromRequest(request));
    }
}
