using PartnerReferrals.Engine.CoSell;
using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Tests.CoSellWrites;

public class WriteErrorTests
{
    private static readonly ReferralState Seen = new("3f0c9a52", "\"e7\"", "Active", "Accepted", "Northwind refresh");

    [Fact]
    public void A_conflict_names_the_referral_says_nothing_changed_and_how_to_read_it_again()
    {
        var error = CoSellWriteErrors.Conflict(Seen);
        Assert.Equal("PartnerReferrals.CoSell.Conflict", error.ErrorId);
        Assert.Equal("3f0c9a52", error.Target);
        Assert.Contains("'Northwind refresh' (3f0c9a52)", error.Problem, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Get-PartnerCoSellReferral -Id 3f0c9a52", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_write_names_the_role_that_writes_and_ends_the_command()
    {
        var error = CoSellWriteErrors.Refused(403, "The caller is not allowed to update referrals.", Seen, null)!;
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Referrals admin", error.Problem, StringComparison.Ordinal);
        Assert.Contains("The API said: The caller is not allowed to update referrals.", error.Problem, StringComparison.Ordinal);
        Assert.False(ErrorScope.ConcernsOneInput(error));
    }

    [Fact]
    public void A_closed_referral_concerns_that_input_only()
    {
        var error = CoSellWriteErrors.Refused(409, null, Seen, null)!;
        Assert.Equal("PartnerReferrals.CoSell.ReferralClosed", error.ErrorId);
        Assert.True(ErrorScope.ConcernsOneInput(error));
        Assert.Null(CoSellWriteErrors.Refused(400, null, Seen, null));
    }

    [Fact]
    public void A_create_with_no_answer_says_it_may_exist_and_how_to_find_it_by_the_external_id()
    {
        var cause = new PartnerReferralsException("PartnerReferrals.Http.ConnectionFailed", ErrorKind.ConnectionError, "The connection was reset.", "Check the network.") { RequestId = "r-1" };
        var error = CoSellWriteErrors.OutcomeUnknown(new NewReferralRequest { Name = "Deal", ExternalReferenceId = "CRM-O'1" }, cause);
        Assert.Equal("PartnerReferrals.CoSell.OutcomeUnknown", error.ErrorId);
        Assert.Contains("may or may not have been created", error.Problem, StringComparison.Ordinal);
        Assert.Contains("externalReferenceId eq 'CRM-O''1'", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal("r-1", error.RequestId);
    }
}
