using System.Management.Automation;
using System.Security;
using PartnerReferrals.Commands;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.Module.Tests;

/// <summary>Parameters map onto engine requests one to one; the engine does everything else.</summary>
public class RequestMappingTests
{
    [Fact]
    public void Get_PartnerReferral_maps_every_filter_parameter()
    {
        using var command = new GetPartnerReferralCommand
        {
            Status = ["Won", "Lost"],
            CustomerMarket = ["US"],
            PartnerMarket = ["DE", "FR"],
            CustomerOrgSize = ["10to50employees"],
            CustomerName = "O'Brien",
            DateField = "wonDate",
            After = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Before = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            Filter = "status ne 'Archived'",
            PageSize = 500,
        };

        var request = command.BuildRequest();

        Assert.Equal(["Won", "Lost"], request.Filter.Status);
        Assert.Equal(["US"], request.Filter.CustomerMarket);
        Assert.Equal(["DE", "FR"], request.Filter.PartnerMarket);
        Assert.Equal(["10to50employees"], request.Filter.CustomerOrgSize);
        Assert.Equal("O'Brien", request.Filter.CustomerNameContains);
        Assert.Equal("wonDate", request.Filter.DateField);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), request.Filter.After);
        Assert.Equal(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), request.Filter.Before);
        Assert.Equal("status ne 'Archived'", request.Filter.RawFilter);
        Assert.Equal(500, request.PageSize);
    }

    [Fact]
    public void Parameters_not_given_stay_unset_so_the_engine_applies_its_defaults()
    {
        using var command = new GetPartnerReferralCommand();

        var request = command.BuildRequest();

        Assert.Empty(request.Filter.Status);
        Assert.Null(request.Filter.After);
        Assert.Null(request.Filter.Before);
        Assert.Null(request.Filter.RawFilter);
        Assert.Null(request.PageSize);
        Assert.Null(request.First);
        Assert.Equal(0, request.Skip);
    }

    [Fact]
    public void Summary_maps_group_by_aggregation_and_filters()
    {
        using var command = new GetPartnerReferralSummaryCommand
        {
            GroupBy = ["status", "createdDate"],
            AggregationLevel = "Month",
            CustomerMarket = ["US"],
            PageSize = 100,
        };

        var request = command.BuildRequest();

        Assert.Equal(["status", "createdDate"], request.GroupBy);
        Assert.Equal("Month", request.AggregationLevel);
        Assert.Equal(["US"], request.Filter.CustomerMarket);
        Assert.Equal(100, request.PageSize);
    }

    [Fact]
    public void Connect_maps_environment_scope_and_the_confidential_apps_credential()
    {
        using var secret = new SecureString();
        secret.AppendChar('s');
        using var command = new ConnectPartnerReferralsCommand
        {
            Environment = "emulator",
            ContextScope = "CurrentUser",
            TenantId = "contoso.onmicrosoft.com",
            ClientSecretCredential = new PSCredential("11111111-1111-1111-1111-111111111111", secret),
            EmulatorFile = "/tmp/emulator.json",
            BaseUrl = new Uri("https://localhost:5001"),
        };

        var request = command.BuildRequest();

        Assert.Equal(PartnerEnvironment.Emulator, request.Environment);
        Assert.Equal(ContextScope.CurrentUser, request.ContextScope);
        Assert.Equal("contoso.onmicrosoft.com", request.TenantId);
        Assert.Equal("/tmp/emulator.json", request.EmulatorFile);
        Assert.Equal(new Uri("https://localhost:5001"), request.BaseUrl);
    }

    [Fact]
    public void Connect_defaults_to_interactive_sign_in_in_the_global_cloud_for_this_process()
    {
        using var command = new ConnectPartnerReferralsCommand();

        var request = command.BuildRequest();

        Assert.Equal(SignInMethod.Interactive, request.Method);
        Assert.Equal(PartnerEnvironment.Global, request.Environment);
        Assert.Equal(ContextScope.Process, request.ContextScope);
        Assert.Null(request.ClientId);
    }
}
