using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine;

namespace PartnerReferrals.Module.Tests;

public class ErrorRecordTests
{
    public static TheoryData<ErrorKind> Kinds()
    {
        var data = new TheoryData<ErrorKind>();
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            data.Add(kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_error_kind_maps_to_the_category_of_the_same_name(ErrorKind kind)
    {
        var category = ErrorRecordFactory.ToCategory(kind);
        Assert.NotEqual(ErrorCategory.NotSpecified, category);
        Assert.Equal(kind.ToString(), category.ToString());
    }

    [Fact]
    public void The_message_carries_the_ids_a_support_request_needs()
    {
        var error = new PartnerReferralsException("PartnerReferrals.Http.ServerError", ErrorKind.ResourceUnavailable, "The service failed.")
        {
            RequestId = "r-1",
            CorrelationId = "c-2",
        };
        Assert.Equal("The service failed. (MS-RequestId: r-1; MS-CorrelationId: c-2)", ErrorRecordFactory.DetailsMessage(error));
        Assert.Equal("Bad input.", ErrorRecordFactory.DetailsMessage(new PartnerReferralsException("X", ErrorKind.InvalidArgument, "Bad input.")));
    }
}
