using PartnerReferrals.Commands.Completion;

namespace PartnerReferrals.Module.Tests;

public class CompletionTests
{
    [Theory]
    [InlineData("", 10)]
    [InlineData("ac", 2)]
    [InlineData("'Ac", 2)]
    [InlineData("W", 1)]
    [InlineData("zz", 0)]
    public void Status_completion_matches_the_typed_prefix_ignoring_case_and_quotes(string typed, int expected)
    {
        Assert.Equal(expected, new StatusCompleter().CompleteArgument("Get-PartnerReferral", "Status", typed, null!, null!).Count());
    }

    [Fact]
    public void Group_by_completion_offers_every_term_and_date_field()
    {
        Assert.Equal(15, new GroupByFieldCompleter().CompleteArgument("Get-PartnerReferralSummary", "GroupBy", "", null!, null!).Count());
        Assert.Equal(10, new DateFieldCompleter().CompleteArgument("Get-PartnerReferral", "DateField", "", null!, null!).Count());
        Assert.Equal(8, new OrgSizeCompleter().CompleteArgument("Get-PartnerReferral", "CustomerOrgSize", "", null!, null!).Count());
    }

    [Fact]
    public void Field_completion_comes_from_the_engines_field_catalogue()
    {
        Assert.Equal(PartnerReferrals.Engine.Queries.ReferralFields.GroupableFields.Select(f => f.Name), KnownValues.GroupByFields);
        Assert.Equal(PartnerReferrals.Engine.Queries.ReferralFields.DateFields.Select(f => f.Name), KnownValues.DateFields);
    }
}
