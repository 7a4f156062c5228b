using System.Globalization;
using System.Management.Automation;
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

        var expected = command.Parameters.Keys.Where(ModuleCommands.IsShownInHelp).Order(StringComparer.Ordinal);
        Assert.Equal(expected, documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p.Value.Description), "-" + p.Key + " has no description"));
    }

    /// <summary>
    /// Every fact of a parameter's help that PowerShell also knows is PowerShell's: type, aliases, mandatory, position,
    /// pipeline input, the default (PSDefaultValue) and the parameter sets it belongs to (the syntax lines that show it).
    /// </summary>
    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Every_parameter_help_matches_the_cmdlet_metadata(string name)
    {
        var documented = DocumentedParameters(name);
        var command = ModuleCommands.Get(Session, name);
        var syntax = SyntaxLines(name);
        foreach (var parameter in command.Parameters.Values.Where(p => ModuleCommands.IsShownInHelp(p.Name)))
        {
            var help = documented[parameter.Name];
            var sets = parameter.ParameterSets.Values;
            var position = sets.Select(s => s.Position).Where(p => p >= 0).Select(p => p.ToString(CultureInfo.InvariantCulture)).FirstOrDefault() ?? "named";
            Assert.Equal(
                (parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases), sets.Any(s => s.IsMandatory) ? "true" : "false", position),
                (help.Aliases, help.Required, help.Position));
            Assert.Equal(parameter.ParameterType.Name, help.Type);
            Assert.Equal(PipelineInput(sets.Any(s => s.ValueFromPipeline), sets.Any(s => s.ValueFromPipelineByPropertyName)), help.PipelineInput);
            Assert.Equal(ExpectedDefault(command, parameter), help.Default);

            // The parameter sets: the syntax lines that show the parameter are exactly those of the sets that have it.
            var inSets = command.ParameterSets.Where(s => s.Parameters.Any(p => p.Name == parameter.Name)).Select(SetLine).Order(StringComparer.Ordinal);
            var inSyntax = syntax.Where(line => line.Split(';').Any(p => p.StartsWith(parameter.Name + "|", StringComparison.Ordinal))).Order(StringComparer.Ordinal);
            Assert.Equal(inSets, inSyntax);
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

    /// <summary>
    /// The declared default (PSDefaultValue), else False for a switch and None. Parameters PowerShell adds itself
    /// (SupportsPaging's -First and -Skip) declare none; their help may say what leaving them out means.
    /// </summary>
    private static string ExpectedDefault(CmdletInfo command, ParameterMetadata parameter)
    {
        if (parameter.Attributes.OfType<PSDefaultValueAttribute>().FirstOrDefault() is { } declared)
        {
            return Convert.ToString(declared.Value, CultureInfo.InvariantCulture)!;
        }

        if (parameter.SwitchParameter)
        {
            return "False";
        }

        return command.ImplementingType.GetProperty(parameter.Name) is null && parameter.Name is "First" or "Skip"
            ? parameter.Name == "First" ? "all" : "0"
            : "None";
    }

    [Theory]
    [MemberData(nameof(ModuleCommands.All), MemberType = typeof(ModuleCommands))]
    public void Every_syntax_line_is_one_parameter_set_with_its_parameters_as_PowerShell_binds_them(string name)
    {
        var sets = ModuleCommands.Get(Session, name).ParameterSets.Select(SetLine).Order(StringComparer.Ordinal);
        Assert.Equal(sets, SyntaxLines(name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Export_PartnerReferral_shows_WhatIf_and_Confirm_in_its_syntax()
    {
        var syntax = string.Join("\n", Session.Run("Get-Help Export-PartnerReferral | Out-String -Width 1000").AssertNoErrors().Output);
        Assert.Contains("[-WhatIf] [-Confirm]", syntax, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Get-PartnerReferral")]
    [InlineData("Export-PartnerReferral")]
    [InlineData("Get-PartnerReferralSummary")]
    [InlineData("Measure-PartnerReferral")]
    [InlineData("Export-PartnerReferralReport")]
    public void Get_Help_Full_shows_the_real_defaults_of_ThrottleLimit_and_PageSize(string name)
    {
        var text = string.Join("\n", Session.Run("Get-Help -Name $name -Parameter ThrottleLimit, PageSize | Out-String -Width 200", ("name", name)).AssertNoErrors().Output);
        Assert.Matches(@"-ThrottleLimit <Int32>[\s\S]*?Default value\s+4\n", text);
        Assert.Matches(@"-PageSize <Int32>[\s\S]*?Default value\s+10000\n", text);
    }

    /// <summary>One set as a syntax line is compared: each parameter as name|mandatory|position|pipeline input|type, sorted.</summary>
    private static string SetLine(CommandParameterSetInfo set) => string.Join(";", set.Parameters
        .Where(p => ModuleCommands.IsShownInHelp(p.Name))
        .Select(p => string.Join("|", p.Name, p.IsMandatory ? "true" : "false", p.Position >= 0 ? p.Position.ToString(CultureInfo.InvariantCulture) : "named", PipelineInput(p.ValueFromPipeline, p.ValueFromPipelineByPropertyName), p.ParameterType.Name))
        .Order(StringComparer.Ordinal));

    private List<string> SyntaxLines(string name) => Session.Run("""
            (Get-Help -Name $name).syntax.syntaxItem | ForEach-Object {
                @($_.parameter | Where-Object { $_ } | ForEach-Object { ($_.name, $_.required, $_.position, $_.pipelineInput, $_.type.name) -join '|' }) -join ';'
            }
            """, ("name", name)).AssertNoErrors().Output
        // Sorted here, as SetLine sorts: PowerShell's culture-aware sort puts "Proxy|" after "ProxyCredential|", ordinal before.
        .Select(o => string.Join(";", o.ToString()!.Split(';').Order(StringComparer.Ordinal))).ToList();

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
                $_.name; ($_.description.Text -join ' '); $_.aliases; $_.required; $_.position; $_.pipelineInput; $_.type.name; $_.defaultValue
            }
            """, ("name", name)).AssertNoErrors().Output
            .Select(o => o?.ToString() ?? string.Empty)
            .Chunk(8)
            .ToDictionary(f => f[0], f => new ParameterHelp(f[1], f[2], f[3], f[4], f[5], f[6], f[7]), StringComparer.Ordinal);

    private sealed record ParameterHelp(string Description, string Aliases, string Required, string Position, string PipelineInput, string Type, string Default);
}
