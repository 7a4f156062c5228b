using System.Management.Automation;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>Parameter binding as PowerShell does it: positions, aliases, parameter sets, validation and pipeline input.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class BindingTests(ModuleFixture module) : RunspaceTest(module)
{
    [Fact]
    public void GroupBy_binds_at_position_zero()
    {
        EnsureConnected();
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferralSummary status, customerMarket").AssertNoErrors();

        Assert.Equal(Module.Server.Referrals.Select(r => (r.Status, r.CustomerMarket)).Distinct().Count(), result.Output.Count);
        Assert.Equal("status,customerMarket", Assert.Single(Module.Server.Requests.Since(before)).Query()["groupby"]);
    }

    [Theory]
    [InlineData("-UseDeviceCode -ClientId $clientId -TenantId $tenant")]
    [InlineData("-UseDeviceAuthentication -ApplicationId $clientId -Tenant $tenant")]
    [InlineData("-DeviceCode -AppId $clientId -Tenant $tenant")]
    [InlineData("-Device -AppId $clientId -TenantId $tenant")]
    public void The_sign_in_aliases_of_Graph_and_Az_bind_to_the_device_code_set(string parameters)
    {
        Disconnect();

        var result = Session.Run("Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile " + parameters, ("tenant", Module.Server.TenantId)).AssertNoErrors();

        var context = Assert.Single(result.Output);
        Assert.Equal("DeviceCode", context.Properties["SignInMethod"].Value);
        Assert.Equal(Module.ClientId, context.Properties["ClientId"].Value);
        Assert.Equal(Module.Server.TenantId, context.Properties["TenantId"].Value);
    }

    [Fact]
    public void AccessToken_selects_the_access_token_set_and_the_session_uses_that_token()
    {
        Disconnect();
        Session.Set("token", Module.Server.Tokens.IssueUserToken());

        var result = Session.Run("""
            $secure = ConvertTo-SecureString -String $token -AsPlainText -Force
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile -AccessToken $secure
            (Get-PartnerReferral -First 3).Count
            """).AssertNoErrors();

        Assert.Equal("AccessToken", result.Output[0].Properties["SignInMethod"].Value);
        Assert.Equal(3, (int)result.Output[1].BaseObject);
        Disconnect();
    }

    [Theory]
    [InlineData("-RefreshToken $secure -AccessToken $secure")]
    [InlineData("-UseDeviceCode -AccessToken $secure")]
    [InlineData("-UseDeviceCode -RefreshToken $secure")]
    public void Two_sign_in_methods_at_once_are_refused_before_anything_is_sent(string parameters)
    {
        var result = Session.Run("$secure = ConvertTo-SecureString -String 'not-a-token' -AsPlainText -Force; Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile " + parameters);

        var error = result.Failure();
        Assert.Equal("AmbiguousParameterSet,PartnerReferrals.Commands.ConnectPartnerReferralsCommand", error.FullyQualifiedErrorId);
        Assert.IsType<ParameterBindingException>(error.Exception);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void ClientSecretCredential_belongs_to_the_refresh_token_set_and_cannot_go_with_an_access_token()
    {
        var result = Session.Run("""
            $secure = ConvertTo-SecureString -String 'not-a-token' -AsPlainText -Force
            $app = [pscredential]::new($clientId, $secure)
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile -AccessToken $secure -ClientSecretCredential $app
            """);

        Assert.StartsWith("AmbiguousParameterSet,", result.Failure().FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refresh_token_the_service_rejects_fails_with_an_authentication_error_that_shows_no_token()
    {
        Disconnect();
        const string Refresh = "0.refresh-token-the-emulator-never-issued";

        var result = Session.Run("""
            $secure = ConvertTo-SecureString -String $refresh -AsPlainText -Force
            $app = [pscredential]::new($clientId, (ConvertTo-SecureString -String 'emulator-client-secret' -AsPlainText -Force))
            Connect-PartnerReferrals -Environment Emulator -EmulatorFile $emulatorFile -RefreshToken $secure -ClientSecretCredential $app
            """, ("refresh", Refresh));

        var error = result.Failure();
        Assert.StartsWith("PartnerReferrals.Auth.", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.DoesNotContain(result.AllText(), text => text.Contains(Refresh, StringComparison.Ordinal));
        Assert.Empty(Session.Run("Get-PartnerReferralsContext").Output);
    }

    [Theory]
    [InlineData("Get-PartnerReferral -PageSize 0", "PageSize")]
    [InlineData("Get-PartnerReferral -PageSize 10001", "PageSize")]
    [InlineData("Get-PartnerReferralSummary -GroupBy status -AggregationLevel Year", "AggregationLevel")]
    [InlineData("Connect-PartnerReferrals -Environment Mars -UseDeviceCode", "Environment")]
    [InlineData("Connect-PartnerReferrals -ContextScope Machine -UseDeviceCode", "ContextScope")]
    public void A_value_outside_its_range_or_set_is_refused_by_PowerShell_naming_the_parameter(string script, string parameter)
    {
        var before = Module.Server.Requests.Count;

        var result = Session.Run(script);

        var error = result.Failure();
        Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(parameter, Assert.IsType<ParameterBindingException>(error.Exception, exactMatch: false).ParameterName);
        Assert.Equal(before, Module.Server.Requests.Count);
    }

    [Fact]
    public void A_missing_mandatory_GroupBy_in_a_host_that_cannot_prompt_is_an_error_naming_it()
    {
        var result = Session.Run("Get-PartnerReferralSummary -Status Won");

        var error = result.Failure();
        Assert.StartsWith("MissingMandatoryParameter,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("GroupBy", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_given_as_text_convert_to_DateTime_and_filter_the_rows()
    {
        EnsureConnected();
        var cut = Module.Server.Referrals[Module.Server.Referrals.Count / 2].CreatedDate!.Value;

        var result = Session.Run("Get-PartnerReferral -DateField createdDate -After $after", ("after", cut.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))).AssertNoErrors();

        Assert.Equal(Module.Server.Referrals.Where(r => r.CreatedDate >= cut).Select(r => r.Id), result.Output.Select(o => (string)o.Properties["Id"].Value));
    }

    [Fact]
    public void Objects_with_Status_and_CustomerMarket_bind_by_property_name_and_each_runs_its_own_query()
    {
        EnsureConnected();
        var first = Module.Server.Referrals[0];
        var second = Module.Server.Referrals.First(r => r.Status != first.Status && r.CustomerMarket != first.CustomerMarket);
        var before = Module.Server.Requests.Count;

        var result = Session.Run("""
            @(
                [pscustomobject]@{ Status = $first.Status; CustomerMarket = $first.CustomerMarket; Colour = 'ignored' }
                [pscustomobject]@{ Status = $second.Status; CustomerMarket = $second.CustomerMarket }
            ) | Get-PartnerReferral
            """, ("first", first), ("second", second)).AssertNoErrors();

        var expected = Module.Server.Referrals.Where(r => r.Status == first.Status && r.CustomerMarket == first.CustomerMarket)
            .Concat(Module.Server.Referrals.Where(r => r.Status == second.Status && r.CustomerMarket == second.CustomerMarket));
        Assert.Equal(expected.Select(r => r.Id), result.Output.Select(o => (string)o.Properties["Id"].Value));
        var filters = Module.Server.Requests.Since(before).Select(r => r.Query()["filter"] ?? string.Empty).Distinct().ToList();
        Assert.Equal(2, filters.Count);
        Assert.Contains($"'{first.Status}'", filters[0], StringComparison.Ordinal);
        Assert.Contains($"'{first.CustomerMarket}'", filters[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_piped_back_in_finds_the_referrals_with_its_status_markets_and_org_size()
    {
        EnsureConnected();
        var sample = Module.Server.Referrals[0];

        var result = Session.Run("Get-PartnerReferral -First 1 | Get-PartnerReferral").AssertNoErrors();

        var expected = Module.Server.Referrals.Where(r => r.Status == sample.Status && r.CustomerMarket == sample.CustomerMarket
            && r.PartnerMarket == sample.PartnerMarket && r.CustomerOrgSize == sample.CustomerOrgSize);
        Assert.Equal(expected.Select(r => r.Id), result.Output.Select(o => (string)o.Properties["Id"].Value));
    }

    [Fact]
    public void Every_filter_parameter_reaches_the_service_and_selects_the_matching_rows()
    {
        EnsureConnected();
        var sample = Module.Server.Referrals.First(r => r.CustomerName is { Length: > 4 } && r.Status != "Archived");
        var part = sample.CustomerName!.Substring(1, 3).ToUpperInvariant();
        var after = sample.CreatedDate!.Value.AddDays(-30);
        var before = sample.CreatedDate.Value.AddDays(30);
        var requestsBefore = Module.Server.Requests.Count;

        var result = Session.Run("""
            $parameters = @{
                Status = $sample.Status, 'Lost'; CustomerMarket = $sample.CustomerMarket; PartnerMarket = $sample.PartnerMarket
                CustomerOrgSize = $sample.CustomerOrgSize; CustomerName = $part; DateField = 'createdDate'; After = $after; Before = $before
                Filter = "status ne 'Archived'"; PageSize = 7
            }
            Get-PartnerReferral @parameters
            """, ("sample", sample), ("part", part), ("after", after), ("before", before)).AssertNoErrors();

        var expected = Module.Server.Referrals.Where(r =>
            (r.Status == sample.Status || r.Status == "Lost") && r.CustomerMarket == sample.CustomerMarket && r.PartnerMarket == sample.PartnerMarket
            && r.CustomerOrgSize == sample.CustomerOrgSize && r.CustomerName!.Contains(part, StringComparison.OrdinalIgnoreCase)
            && r.CreatedDate >= after && r.CreatedDate < before && r.Status != "Archived");
        Assert.Contains(sample.Id, result.Output.Select(o => (string)o.Properties["Id"].Value));
        Assert.Equal(expected.Select(r => r.Id), result.Output.Select(o => (string)o.Properties["Id"].Value));
        var query = Module.Server.Requests.Since(requestsBefore)[0].Query();
        Assert.Equal("7", query["top"]);
        foreach (var clause in new[] { $"(status eq '{sample.Status}' or status eq 'Lost')", $"customerMarket eq '{sample.CustomerMarket}'", $"partnerMarket eq '{sample.PartnerMarket}'", $"customerOrgSize eq '{sample.CustomerOrgSize}'", $"contains(customerName,'{part}')", "createdDate", "(status ne 'Archived')" })
        {
            Assert.Contains(clause, query["filter"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_quote_in_a_value_is_doubled_in_the_filter_the_service_receives()
    {
        EnsureConnected();
        var before = Module.Server.Requests.Count;

        var result = Session.Run("Get-PartnerReferral -CustomerName \"O'Brien\" -Status \"it's\"").AssertNoErrors();

        Assert.Empty(result.Output);
        var filter = Assert.Single(Module.Server.Requests.Since(before)).Query()["filter"];
        Assert.Equal("status eq 'it''s' and contains(customerName,'O''Brien')", filter);
    }

    [Fact]
    public void Summary_parameters_reach_the_service()
    {
        EnsureConnected();
        var before = Module.Server.Requests.Count;

        Session.Run("Get-PartnerReferralSummary -GroupBy status, createdDate -AggregationLevel Week -CustomerMarket US -PageSize 100").AssertNoErrors();

        var query = Module.Server.Requests.Since(before)[0].Query();
        Assert.Equal("status,createdDate", query["groupby"]);
        Assert.Equal("week", query["aggregationLevel"]?.ToLowerInvariant());
        Assert.Equal("customerMarket eq 'US'", query["filter"]);
        Assert.Equal("100", query["top"]);
    }

    [Fact]
    public void Environment_and_the_other_value_sets_ignore_case()
    {
        Disconnect();

        var result = Session.Run("Connect-PartnerReferrals -Environment emulator -ContextScope process -EmulatorFile $emulatorFile -UseDeviceCode -ClientId $clientId").AssertNoErrors();

        Assert.Equal("Emulator", Assert.Single(result.Output).Properties["Environment"].Value);
        Assert.Equal("Process", result.Output[0].Properties["ContextScope"].Value);
    }
}
