using System.Management.Automation;
using PartnerReferrals.Commands;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// What PowerShell itself would reject or users would trip over, checked from the metadata blob because no
/// PowerShell engine runs here.
/// </summary>
public class CmdletMetadataTests
{
    /// <summary>
    /// The approved verbs, as <c>Get-Verb</c> lists them in PowerShell 7.4 (source: "Approved Verbs for PowerShell
    /// Commands", learn.microsoft.com/powershell/scripting/developer/cmdlet/approved-verbs-for-windows-powershell-commands).
    /// </summary>
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        // Common
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move",
        "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select",
        "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        // Communications
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        // Data
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
        "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore",
        "Save", "Sync", "Unpublish", "Update",
        // Diagnostic
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        // Lifecycle
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
        "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        // Security
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        // Other
        "Use",
    };

    private static readonly string[] PagingParameters = ["First", "Skip", "IncludeTotalCount"];

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in CmdletMetadata.All)
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    private static CmdletMetadata Cmdlet(string name) => CmdletMetadata.All.Single(c => c.Name == name);

    [Fact]
    public void The_assembly_holds_the_five_core_cmdlets()
    {
        Assert.Equal(
            ["Connect-PartnerReferrals", "Disconnect-PartnerReferrals", "Export-PartnerReferral", "Get-PartnerReferral", "Get-PartnerReferralSummary", "Get-PartnerReferralsContext"],
            CmdletMetadata.All.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Verb_is_approved(string name) => Assert.Contains(Cmdlet(name).Verb, ApprovedVerbs);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Class_is_public_sealed_and_named_VerbNounCommand(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.True(cmdlet.Type.IsPublic && cmdlet.Type.IsSealed, $"{cmdlet.Type} must be public sealed");
        Assert.Equal(cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.Type.Name);
        Assert.Equal("PartnerReferrals.Commands", cmdlet.Type.Namespace);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Declares_OutputType(string name) => Assert.NotEmpty(Cmdlet(name).OutputTypes);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Has_a_declared_default_set_when_it_has_named_sets(string name)
    {
        var cmdlet = Cmdlet(name);
        var declaredSets = cmdlet.Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != CmdletMetadata.AllParameterSets).Distinct().ToList();
        if (declaredSets.Count == 0)
        {
            return;
        }

        Assert.False(cmdlet.DefaultParameterSetName is null, $"{name} has parameter sets {string.Join(", ", declaredSets)} but no DefaultParameterSetName");
        // A default set that no parameter names is a set of the all-sets parameters alone: it must need none of the others.
        var defaultSet = cmdlet.DefaultParameterSetName!;
        Assert.DoesNotContain(cmdlet.InSet(defaultSet), p => p.Entry.Mandatory && p.Entry.SetName == CmdletMetadata.AllParameterSets && p.Parameter.IsSwitch);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void No_two_parameters_share_a_position_in_one_set(string name)
    {
        var cmdlet = Cmdlet(name);
        var sets = cmdlet.NamedSets().DefaultIfEmpty(CmdletMetadata.AllParameterSets);
        foreach (var set in sets)
        {
            var clashes = cmdlet.InSet(set)
                .Where(p => p.Entry.Position is not null)
                .GroupBy(p => p.Entry.Position)
                .Where(g => g.Count() > 1)
                .Select(g => $"position {g.Key}: {string.Join(", ", g.Select(p => p.Parameter.Name))}");
            Assert.Empty(clashes.Select(c => $"{name} set {set}: {c}"));
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Names_and_aliases_are_unique_and_do_not_shadow_common_or_paging_parameters(string name)
    {
        var cmdlet = Cmdlet(name);
        var taken = new List<string>();
        taken.AddRange(CmdletMetadata.CommonParameters.Keys);
        taken.AddRange(CmdletMetadata.CommonParameters.Values.SelectMany(a => a));
        if (cmdlet.SupportsPaging)
        {
            taken.AddRange(PagingParameters);
        }

        taken.AddRange(cmdlet.Parameters.SelectMany(p => p.Aliases.Prepend(p.Name)));
        var duplicates = taken.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Mandatory_parameters_make_sense(string name)
    {
        foreach (var parameter in Cmdlet(name).Parameters)
        {
            foreach (var entry in parameter.Sets.Where(s => s.Mandatory))
            {
                // A mandatory switch only makes sense as the one thing that selects its own named set.
                Assert.False(
                    parameter.IsSwitch && entry.SetName == CmdletMetadata.AllParameterSets,
                    $"{name} -{parameter.Name}: a switch that is mandatory in every set is always on");
                Assert.False(parameter.Type == typeof(bool), $"{name} -{parameter.Name}: use a SwitchParameter, not a mandatory bool");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_named_set_but_the_default_has_a_parameter_of_its_own(string name)
    {
        // Otherwise PowerShell cannot tell the sets apart from the parameters given.
        var cmdlet = Cmdlet(name);
        foreach (var set in cmdlet.NamedSets().Where(s => s != cmdlet.DefaultParameterSetName))
        {
            Assert.Contains(cmdlet.Parameters, p => p.Sets.Any(s => s.SetName == set && s.Mandatory));
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Switches_are_never_positional_and_at_most_one_parameter_per_set_takes_pipeline_input_by_value(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.DoesNotContain(cmdlet.Parameters, p => p.IsSwitch && p.Sets.Any(s => s.Position is not null));
        foreach (var set in cmdlet.NamedSets().DefaultIfEmpty(CmdletMetadata.AllParameterSets))
        {
            Assert.True(cmdlet.InSet(set).Count(p => p.Entry.ValueFromPipeline) <= 1, $"{name} set {set}");
        }
    }

    [Fact]
    public void Connect_has_the_sign_in_sets_with_their_graph_and_az_names()
    {
        var connect = Cmdlet("Connect-PartnerReferrals");
        Assert.Equal(ConnectPartnerReferralsCommand.InteractiveSet, connect.DefaultParameterSetName);
        Assert.Equal(
            new[] { "AccessToken", "DeviceCode", "Interactive", "RefreshToken" },
            connect.NamedSets().OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(["UseDeviceAuthentication", "DeviceCode", "Device"], Parameter(connect, "UseDeviceCode").Aliases);
        Assert.Equal(["ApplicationId", "AppId"], Parameter(connect, "ClientId").Aliases);
        Assert.Equal(["Tenant"], Parameter(connect, "TenantId").Aliases);
        Assert.Equal(typeof(System.Security.SecureString), Parameter(connect, "RefreshToken").Type);
        Assert.Equal(typeof(System.Security.SecureString), Parameter(connect, "AccessToken").Type);
        Assert.Equal(typeof(PSCredential), Parameter(connect, "ClientSecretCredential").Type);
        Assert.Equal([ConnectPartnerReferralsCommand.RefreshTokenSet], Parameter(connect, "ClientSecretCredential").Sets.Select(s => s.SetName));
        Assert.Equal([ConnectPartnerReferralsCommand.RefreshTokenSet], Parameter(connect, "CertificateThumbprint").Sets.Select(s => s.SetName));
        Assert.Equal(
            Enum.GetNames<PartnerReferrals.Engine.Sessions.PartnerEnvironment>(),
            ValidateSetValues(Parameter(connect, "Environment")));
        Assert.Equal(
            Enum.GetNames<PartnerReferrals.Engine.Sessions.ContextScope>(),
            ValidateSetValues(Parameter(connect, "ContextScope")));
    }

    [Fact]
    public void Get_PartnerReferral_supports_paging_and_bounds_the_page_size()
    {
        var get = Cmdlet("Get-PartnerReferral");
        Assert.True(get.SupportsPaging);
        var range = CmdletMetadata.Attribute<ValidateRangeAttribute>(typeof(GetPartnerReferralCommand).GetProperty("PageSize")!)!;
        Assert.Equal([1, 10000], range.ConstructorArguments.Select(a => Convert.ToInt32(a.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(typeof(DateTime), Parameter(get, "After").Type);
        Assert.Equal(typeof(string[]), Parameter(get, "Status").Type);
    }

    [Theory]
    [InlineData("Get-PartnerReferral", "Status", typeof(PartnerReferrals.Commands.Completion.StatusCompleter))]
    [InlineData("Get-PartnerReferral", "CustomerOrgSize", typeof(PartnerReferrals.Commands.Completion.OrgSizeCompleter))]
    [InlineData("Get-PartnerReferral", "DateField", typeof(PartnerReferrals.Commands.Completion.DateFieldCompleter))]
    [InlineData("Get-PartnerReferralSummary", "GroupBy", typeof(PartnerReferrals.Commands.Completion.GroupByFieldCompleter))]
    public void Open_value_lists_complete_without_restricting(string cmdletName, string parameterName, Type completer)
    {
        var parameter = Parameter(Cmdlet(cmdletName), parameterName);
        var attribute = Assert.Single(parameter.Attributes, a => a.AttributeType == typeof(ArgumentCompleterAttribute));
        Assert.Equal(completer, attribute.ConstructorArguments[0].Value);
        Assert.DoesNotContain(parameter.Attributes, a => a.AttributeType == typeof(ValidateSetAttribute));
    }

    [Fact]
    public void Summary_requires_GroupBy_at_position_zero_and_offers_the_three_aggregation_levels()
    {
        var summary = Cmdlet("Get-PartnerReferralSummary");
        var groupBy = Parameter(summary, "GroupBy");
        Assert.True(groupBy.Sets.Single().Mandatory);
        Assert.Equal(0, groupBy.Sets.Single().Position);
        Assert.Equal(["Day", "Week", "Month"], ValidateSetValues(Parameter(summary, "AggregationLevel")));
    }

    private static CmdletParameter Parameter(CmdletMetadata cmdlet, string name) => cmdlet.Parameters.Single(p => p.Name == name);

    private static IEnumerable<string> ValidateSetValues(CmdletParameter parameter) =>
        parameter.Attributes.Single(a => a.AttributeType == typeof(ValidateSetAttribute))
            .ConstructorArguments.SelectMany(CmdletMetadata.Flatten).Cast<string>();
}
