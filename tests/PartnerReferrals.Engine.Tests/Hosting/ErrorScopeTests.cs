using PartnerReferrals.Engine.Hosting;

namespace PartnerReferrals.Engine.Tests.Hosting;

public class ErrorScopeTests
{
    [Theory]
    [InlineData("PartnerReferrals.Api.ServerError", ErrorKind.ResourceUnavailable, null, true)]
    [InlineData("PartnerReferrals.Api.Throttled", ErrorKind.LimitsExceeded, null, true)]
    [InlineData("PartnerReferrals.Http.ConnectionFailed", ErrorKind.ConnectionError, null, true)]
    [InlineData("PartnerReferrals.Query.InputObjectNotUsable", ErrorKind.InvalidArgument, "InputObject", true)]
    [InlineData("PartnerReferrals.Query.UnknownField", ErrorKind.InvalidArgument, "Filter", false)]
    [InlineData("PartnerReferrals.Insights.UnknownGroupBy", ErrorKind.InvalidArgument, "GroupBy", false)]
    [InlineData("PartnerReferrals.Insights.InvalidPath", ErrorKind.InvalidArgument, "Path", false)]
    [InlineData("PartnerReferrals.Insights.InvalidDate", ErrorKind.InvalidData, "InputObject", true)]
    [InlineData("PartnerReferrals.Session.NotConnected", ErrorKind.InvalidOperation, null, false)]
    [InlineData("PartnerReferrals.Auth.Unauthorized", ErrorKind.AuthenticationError, null, false)]
    [InlineData("PartnerReferrals.Api.Forbidden", ErrorKind.PermissionDenied, null, false)]
    public void An_error_concerns_one_input_unless_it_makes_further_work_meaningless(string id, ErrorKind kind, string? parameter, bool perInput)
    {
        var error = new PartnerReferralsException(id, kind, "message", "advice") { ParameterName = parameter };
        Assert.Equal(perInput, ErrorScope.ConcernsOneInput(error));
    }
}
