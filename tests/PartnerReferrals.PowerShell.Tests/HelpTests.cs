using System.Globalization;
using System.Management.Automation.Language;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>What Get-Help shows for the packaged module, held to what Get-Command says the cmdlets really take.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class HelpTests(ModuleFixture module) : RunspaceTest(module)
{
    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Get_Help_shows_a_synopsis_a_description_examples_and_the_output_type(string name)
    {
        var help = Session.Run("""
            $help = Get-Help -Name $name -Full
            $help.Synopsis
            ($help.description.Text -join ' ')
            @($help.examples.example).Count
            ($help.returnValues.returnValue.type.name -join ',')
            """, ("name", name)).AssertNoErrors().Output.Select(o => o.ToString()).ToList();

        // Without a help file, Get-Help makes the synopsis from the syntax, which starts with the command's name.
        Assert.False(string.IsNullOrWhiteSpace(help[0]));
        Assert.DoesNotContain(name, help[0], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(help[1]), "description");
        Assert.True(int.Parse(help[2], CultureInfo.InvariantCulture) > 0, "examples");
        Assert.Contains("PartnerReferrals.Models.", help[3], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Every_parameter_is_described_and_every_described_parameter_exists(string name)
    {
        var documented = DocumentedParameters(name);
        var command = ModuleCommands.Get(Session, name);

        var expected = command.Parameters.Keys.Where(k => !ModuleCommands.IsCommon(k)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p.Value.Description), "-" + p.Key + " has no description"));
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Documented_types_aliases_mandatory_flags_positions_and_pipeline_input_match_the_cmdlet(string name)
    {
        var documented = DocumentedParameters(name);
        foreach (var parameter in ModuleCommands.Get(Session, name).Parameters.Values.Where(p => !ModuleCommands.IsCommon(p.Name)))
        {
            var help = documented[parameter.Name];
            var sets = parameter.ParameterSets.Values;
            var position = sets.Select(s => s.Position).Where(p => p >= 0).Select(p => p.ToString(CultureInfo.InvariantCulture)).FirstOrDefault() ?? "named";
            Assert.Equal(
                (parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases), sets.Any(s => s.IsMandatory) ? "true" : "false", position),
                (help.Aliases, help.Required, help.Position));
            Assert.Equal(parameter.ParameterType.Name, help.Type);
            Assert.Equal(PipelineInput(sets.Any(s => s.ValueFromPipeline), sets.Any(s => s.ValueFromPipelineByPropertyName)), help.PipelineInput);
        }
    }

    /// <summary>How PowerShell's own help writes a parameter's pipeline input.</summary>
    private static string PipelineInput(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void The_syntax_shows_one_line_per_parameter_set_with_that_sets_parameters(string name)
    {
        var items = Session.Run(
            "(Get-Help -Name $name).syntax.syntaxItem | ForEach-Object { (@($_.parameter.name) | Sort-Object) -join ',' }",
            ("name", name)).AssertNoErrors().Output.Select(o => o.ToString()).Order(StringComparer.Ordinal);

        var sets = ModuleCommands.Get(Session, name).ParameterSets
            .Select(s => string.Join(",", s.Parameters.Select(p => p.Name).Where(p => !ModuleCommands.IsCommon(p)).Order(StringComparer.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(sets, items);
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Examples_parse_and_use_only_parameters_the_cmdlets_have(string name)
    {
        var known = ModuleCommands.Names.ToDictionary(
            n => n,
            n => ModuleCommands.Get(Session, n).Parameters.Values.SelectMany(p => p.Aliases.Prepend(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);

        foreach (var code in ExampleCode(name))
        {
            var ast = Parser.ParseInput(code, out _, out var errors);
            Assert.True(errors.Length == 0, $"example of {name} does not parse: {string.Join("; ", errors.Select(e => e.Message))}\n{code}");
            var uses = ast.FindAll(a => a is CommandAst c && known.ContainsKey(c.GetCommandName() ?? string.Empty), searchNestedScriptBlocks: true).Cast<CommandAst>();
            foreach (var use in uses)
            {
                foreach (var parameter in use.CommandElements.OfType<CommandParameterAst>())
                {
                    Assert.True(known[use.GetCommandName()].Contains(parameter.ParameterName), $"example uses {use.GetCommandName()} -{parameter.ParameterName}, which does not exist");
                }
            }
        }
    }

    [Fact]
    public void The_about_topic_is_found_and_covers_every_cmdlet_and_the_ways_to_sign_in()
    {
        var text = string.Join("\n", Session.Run("Get-Help -Name about_PartnerReferrals | Out-String -Width 200").AssertNoErrors().Output);

        Assert.Contains("about_PartnerReferrals", text, StringComparison.Ordinal);
        foreach (var topic in ModuleCommands.Names.Concat(["-UseDeviceCode", "-RefreshToken", "-ClientSecretCredential", "-CertificateThumbprint", "Get-Secret", "-Environment", "Export-Csv", "-First", "-PageSize", "ErrorDetails"]))
        {
            Assert.Contains(topic, text, StringComparison.Ordinal);
        }
    }

    private List<string> ExampleCode(string name)
    {
        var code = Session.Run("(Get-Help -Name $name).examples.example | ForEach-Object { $_.code -join [Environment]::NewLine }", ("name", name))
            .AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.NotEmpty(code);
        return code;
    }

    private Dictionary<string, ParameterHelp> DocumentedParameters(string name) =>
        Session.Run("""
            (Get-Help -Name $name).parameters.parameter | Where-Object { $_ } | ForEach-Object {
                $_.name; ($_.description.Text -join ' '); $_.aliases; $_.required; $_.position; $_.pipelineInput; $_.type.name
            }
            """, ("name", name)).AssertNoErrors().Output
            .Select(o => o?.ToString() ?? string.Empty)
            .Chunk(7)
            .ToDictionary(f => f[0], f => new ParameterHelp(f[1], f[2], f[3], f[4], f[5], f[6]), StringComparer.Ordinal);

    private sealed record ParameterHelp(string Description, string Aliases, string Required, string Position, string PipelineInput, string Type);
}
