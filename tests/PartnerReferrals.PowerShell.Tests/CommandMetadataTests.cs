using System.Management.Automation;
using System.Reflection;
using System.Security;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>What Get-Command reports about the cmdlets: names, verbs, parameter sets, binding rules and output types.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class CommandMetadataTests(ModuleFixture module) : RunspaceTest(module)
{
    private CmdletInfo Command(string name) => ModuleCommands.Get(Session, name);

    private ParameterMetadata Parameter(string command, string name) => Command(command).Parameters[name];

    [Fact]
    public void The_module_exports_exactly_its_cmdlets()
    {
        var result = Session.Run("Get-Command -Module PartnerReferrals | ForEach-Object { '{0} {1}' -f $_.CommandType, $_.Name }").AssertNoErrors();

        Assert.Equal(ModuleCommands.Names.Select(n => "Cmdlet " + n).Order(StringComparer.Ordinal), result.Output.Select(o => (string)o.BaseObject).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void The_verb_is_one_that_Get_Verb_lists(string name)
    {
        var verbs = Session.Run("(Get-Verb).Verb").AssertNoErrors().Output.Select(o => (string)o.BaseObject);

        Assert.Contains(Command(name).Verb, verbs);
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void The_class_is_public_sealed_and_named_VerbNounCommand(string name)
    {
        var command = Command(name);

        Assert.True(command.ImplementingType.IsPublic && command.ImplementingType.IsSealed, $"{command.ImplementingType} must be public sealed");
        Assert.Equal(command.Verb + command.Noun + "Command", command.ImplementingType.Name);
        Assert.Equal("PartnerReferrals.Commands", command.ImplementingType.Namespace);
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void OutputType_resolves_to_a_type_of_the_packaged_Models_assembly(string name)
    {
        var outputs = Command(name).OutputType;

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            Assert.NotNull(output.Type);
            Assert.StartsWith("PartnerReferrals.Models.", output.Type.FullName, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(Module.ModuleDirectory, "PartnerReferrals.Models.dll"), output.Type.Assembly.Location);
        });
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void The_output_types_are_flat_or_their_nested_objects_have_readable_text_so_Export_Csv_writes_values(string name)
    {
        // A SecureString (the refresh token) is the one exception on purpose: Export-Csv must write its type name, never the secret.
        var nested = Command(name).OutputType
            .SelectMany(o => o.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => !IsScalar(p.PropertyType) && !HasOwnText(p.PropertyType) && p.PropertyType != typeof(SecureString))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType}");

        Assert.Empty(nested);
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Parameters_have_only_framework_and_PowerShell_types(string name)
    {
        foreach (var parameter in Command(name).Parameters.Values.Where(p => !ModuleCommands.IsCommon(p.Name)))
        {
            var type = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            var assembly = type.Assembly.GetName().Name!;
            Assert.True(
                type.Assembly == typeof(object).Assembly || assembly.StartsWith("System.", StringComparison.Ordinal),
                $"{name} -{parameter.Name} has type {type} from {assembly}");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void No_two_parameters_of_one_set_share_a_position_and_no_switch_is_positional(string name)
    {
        foreach (var set in Command(name).ParameterSets)
        {
            var positional = set.Parameters.Where(p => p.Position >= 0).ToList();
            Assert.Equal(positional.Count, positional.Select(p => p.Position).Distinct().Count());
            Assert.DoesNotContain(positional, p => p.ParameterType == typeof(SwitchParameter));
            Assert.True(set.Parameters.Count(p => p.ValueFromPipeline) <= 1, $"{name} set {set.Name} takes more than one parameter by value");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Every_set_but_the_default_has_a_mandatory_parameter_of_its_own(string name)
    {
        // Otherwise PowerShell cannot tell the sets apart from the parameters given.
        var command = Command(name);
        foreach (var set in command.ParameterSets.Where(s => !s.IsDefault && command.ParameterSets.Count > 1))
        {
            var others = command.ParameterSets.Where(s => s != set).SelectMany(s => s.Parameters).Select(p => p.Name).ToHashSet();
            Assert.Contains(set.Parameters, p => p.IsMandatory && !others.Contains(p.Name));
        }
    }

    [Fact]
    public void Connect_has_the_four_sign_in_sets_with_Interactive_the_default()
    {
        var connect = Command("Connect-PartnerReferrals");

        Assert.Equal("Interactive", connect.DefaultParameterSet);
        Assert.Equal(["AccessToken", "DeviceCode", "Interactive", "RefreshToken"], connect.ParameterSets.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.True(Mandatory(connect, "DeviceCode", "UseDeviceCode"));
        Assert.True(Mandatory(connect, "RefreshToken", "RefreshToken"));
        Assert.True(Mandatory(connect, "AccessToken", "AccessToken"));
        Assert.Equal(["RefreshToken"], connect.Parameters["ClientSecretCredential"].ParameterSets.Keys);
        // Every way an app proves itself (a secret or a certificate, by thumbprint, object or file) goes with a refresh token only.
        foreach (var proof in new[] { "CertificateThumbprint", "Certificate", "CertificatePath", "CertificatePassword" })
        {
            Assert.Equal(["RefreshToken"], connect.Parameters[proof].ParameterSets.Keys);
        }
    }

    [Fact]
    public void Connect_takes_the_sign_in_names_and_aliases_of_Graph_and_Az()
    {
        var connect = Command("Connect-PartnerReferrals");

        Assert.Equal(["UseDeviceAuthentication", "DeviceCode", "Device"], connect.Parameters["UseDeviceCode"].Aliases);
        Assert.Equal(["ApplicationId", "AppId"], connect.Parameters["ClientId"].Aliases);
        Assert.Equal(["Tenant"], connect.Parameters["TenantId"].Aliases);
        Assert.Equal(typeof(SwitchParameter), connect.Parameters["UseDeviceCode"].ParameterType);
        Assert.Equal(typeof(SecureString), connect.Parameters["RefreshToken"].ParameterType);
        Assert.Equal(typeof(SecureString), connect.Parameters["AccessToken"].ParameterType);
        Assert.Equal(typeof(PSCredential), connect.Parameters["ClientSecretCredential"].ParameterType);
    }

    [Fact]
    public void Connect_offers_exactly_the_environments_and_context_scopes()
    {
        Assert.Equal(["Global", "USGov", "Germany", "China", "Emulator", "Custom"], ValidValues(Parameter("Connect-PartnerReferrals", "Environment")));
        Assert.Equal(["Process", "CurrentUser"], ValidValues(Parameter("Connect-PartnerReferrals", "ContextScope")));
    }

    [Fact]
    public void Get_PartnerReferral_supports_paging_and_bounds_the_page_size()
    {
        var get = Command("Get-PartnerReferral");

        Assert.Equal(typeof(ulong), get.Parameters["First"].ParameterType);
        Assert.Equal(typeof(ulong), get.Parameters["Skip"].ParameterType);
        Assert.Equal(typeof(SwitchParameter), get.Parameters["IncludeTotalCount"].ParameterType);
        var range = Assert.Single(get.Parameters["PageSize"].Attributes.OfType<ValidateRangeAttribute>());
        Assert.Equal((1, 10000), (Convert.ToInt32(range.MinRange, null), Convert.ToInt32(range.MaxRange, null)));
        Assert.Equal(typeof(DateTime), get.Parameters["After"].ParameterType);
        Assert.Equal(typeof(DateTime), get.Parameters["Before"].ParameterType);
        Assert.Equal(typeof(string[]), get.Parameters["Status"].ParameterType);
    }

    [Fact]
    public void Only_the_two_Get_cmdlets_of_referrals_have_the_paging_parameters_and_Export_PartnerReferral_First_and_Skip_to_resume()
    {
        foreach (var name in ModuleCommands.Names)
        {
            var paging = Command(name).Parameters.Keys.Where(k => ModuleCommands.PagingParameters.Contains(k)).Order(StringComparer.Ordinal);
            string[] expected = name switch
            {
                "Get-PartnerReferral" or "Get-PartnerCoSellReferral" => ["First", "IncludeTotalCount", "Skip"],
                "Export-PartnerReferral" => ["First", "Skip"],
                _ => [],
            };
            Assert.Equal(expected, paging);
        }
    }

    [Theory]
    [InlineData("Get-PartnerReferral", "Status")]
    [InlineData("Get-PartnerReferral", "CustomerMarket")]
    [InlineData("Get-PartnerReferral", "PartnerMarket")]
    [InlineData("Get-PartnerReferral", "CustomerOrgSize")]
    [InlineData("Get-PartnerReferralSummary", "Status")]
    public void Filter_parameters_bind_from_the_pipeline_by_property_name_only(string command, string name)
    {
        var parameter = Parameter(command, name);

        Assert.All(parameter.ParameterSets.Values, set =>
        {
            Assert.True(set.ValueFromPipelineByPropertyName);
            Assert.False(set.ValueFromPipeline);
        });
    }

    [Theory]
    [InlineData("Get-PartnerReferral", "Status")]
    [InlineData("Get-PartnerReferral", "CustomerOrgSize")]
    [InlineData("Get-PartnerReferral", "DateField")]
    [InlineData("Get-PartnerReferralSummary", "GroupBy")]
    public void Open_value_lists_have_a_completer_and_no_ValidateSet(string command, string name)
    {
        var parameter = Parameter(command, name);

        Assert.Single(parameter.Attributes.OfType<ArgumentCompleterAttribute>());
        Assert.Empty(parameter.Attributes.OfType<ValidateSetAttribute>());
    }

    [Fact]
    public void Summary_requires_GroupBy_at_position_zero_and_offers_the_three_aggregation_levels()
    {
        var summary = Command("Get-PartnerReferralSummary");

        var groupBy = Assert.Single(summary.ParameterSets).Parameters.Single(p => p.Name == "GroupBy");
        Assert.True(groupBy.IsMandatory);
        Assert.Equal(0, groupBy.Position);
        Assert.Equal(["Day", "Week", "Month"], ValidValues(summary.Parameters["AggregationLevel"]));
    }

    private static bool Mandatory(CmdletInfo command, string set, string parameter) =>
        command.ParameterSets.Single(s => s.Name == set).Parameters.Single(p => p.Name == parameter).IsMandatory;

    private static IList<string> ValidValues(ParameterMetadata parameter) =>
        Assert.Single(parameter.Attributes.OfType<ValidateSetAttribute>()).ValidValues;

    /// <summary>A model type (such as a co-sell referral's Customer) whose own ToString gives the CSV cell its text.</summary>
    private static bool HasOwnText(Type type) =>
        type.Namespace == "PartnerReferrals.Models" && type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType == type;

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeSpan) || underlying == typeof(Guid);
    }
}
