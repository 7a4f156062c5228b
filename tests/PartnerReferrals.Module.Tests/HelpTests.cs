using System.Text.RegularExpressions;
using System.Xml.Linq;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>Get-Help reads the MAML file; these tests read it the same way and hold it to the assembly.</summary>
public class HelpTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly string[] PagingParameters = ["First", "Skip", "IncludeTotalCount"];

    private static readonly Lazy<XDocument> Help = new(() => XDocument.Load(RepoPaths.ModuleFile(Path.Combine("en-US", "PartnerReferrals.dll-Help.xml"))));

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in CmdletMetadata.All)
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    [Fact]
    public void Help_holds_exactly_the_cmdlets_of_the_assembly()
    {
        var documented = Help.Value.Root!.Elements(Command + "command").Select(NameOf).Order(StringComparer.Ordinal);
        Assert.Equal(CmdletMetadata.All.Select(c => c.Name).Order(StringComparer.Ordinal), documented);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Cmdlet_has_a_synopsis_a_description_and_examples_with_code(string name)
    {
        var command = CommandHelp(name);
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Command + "details")!.Element(Maml + "description")?.Value), "synopsis");
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")?.Value), "description");
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.False(string.IsNullOrWhiteSpace(example.Element(Dev + "code")?.Value)));
        Assert.NotEmpty(command.Element(Command + "returnValues")!.Elements());
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_parameter_is_documented_and_every_documented_parameter_exists(string name)
    {
        var cmdlet = CmdletMetadata.All.Single(c => c.Name == name);
        var expected = cmdlet.Parameters.Select(p => p.Name).Concat(cmdlet.SupportsPaging ? PagingParameters : []).Order(StringComparer.Ordinal);
        var documented = DocumentedParameters(name);
        Assert.Equal(expected, documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p.Value.Element(Maml + "Description")?.Value), p.Key));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Documented_types_aliases_mandatory_flags_and_positions_match_the_code(string name)
    {
        var cmdlet = CmdletMetadata.All.Single(c => c.Name == name);
        var documented = DocumentedParameters(name);
        foreach (var parameter in cmdlet.Parameters)
        {
            var help = documented[parameter.Name];
            var aliases = (string)help.Attribute("aliases")!;
            Assert.Equal(parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases), aliases);
            Assert.Equal(parameter.Sets.Any(s => s.Mandatory) ? "true" : "false", (string)help.Attribute("required")!);
            var position = parameter.Sets.Select(s => s.Position).FirstOrDefault(p => p is not null);
            Assert.Equal(position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named", (string)help.Attribute("position")!);
            Assert.Equal(parameter.Type.Name, help.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            var byName = parameter.Sets.Any(s => s.ValueFromPipelineByPropertyName);
            var byValue = parameter.Sets.Any(s => s.ValueFromPipeline);
            Assert.Equal(byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False", (string)help.Attribute("pipelineInput")!);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Syntax_has_one_item_per_parameter_set_with_that_sets_parameters(string name)
    {
        var cmdlet = CmdletMetadata.All.Single(c => c.Name == name);
        var items = CommandHelp(name).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        var sets = cmdlet.NamedSets();
        Assert.Equal(Math.Max(1, sets.Count), items.Count);
        var extra = cmdlet.SupportsPaging ? PagingParameters : [];
        foreach (var item in items)
        {
            var shown = item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).Order(StringComparer.Ordinal).ToList();
            // The item must equal one set's parameters exactly.
            var matches = sets.DefaultIfEmpty(CmdletMetadata.AllParameterSets)
                .Select(set => cmdlet.InSet(set).Select(p => p.Parameter.Name).Concat(extra).Order(StringComparer.Ordinal).ToList())
                .Any(names => names.SequenceEqual(shown));
            Assert.True(matches, $"{name}: syntax item [{string.Join(", ", shown)}] matches no parameter set");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Examples_use_only_parameters_that_exist(string name)
    {
        var known = CmdletMetadata.All.ToDictionary(c => c.Name, c => c.Parameters
            .SelectMany(p => p.Aliases.Prepend(p.Name))
            .Concat(c.SupportsPaging ? PagingParameters : [])
            .Concat(CmdletMetadata.CommonParameters.Keys)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));
        foreach (var code in CommandHelp(name).Descendants(Dev + "code").Select(c => c.Value))
        {
            foreach (var line in code.Split('\n'))
            {
                var statement = line.Split('#')[0];
                foreach (Match use in Regex.Matches(statement, @"(?<cmd>(Connect|Disconnect|Get)-PartnerReferral\w*)(?<args>[^|;]*)"))
                {
                    var cmd = use.Groups["cmd"].Value;
                    Assert.True(known.ContainsKey(cmd), $"example uses unknown command {cmd}");
                    foreach (Match parameter in Regex.Matches(use.Groups["args"].Value, @"(?<=\s)-(?<name>[A-Za-z]+)"))
                    {
                        Assert.Contains(parameter.Groups["name"].Value, known[cmd]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_example_parses_as_PowerShell()
    {
        var dir = Directory.CreateTempSubdirectory("help-examples-");
        try
        {
            var i = 0;
            foreach (var code in Help.Value.Descendants(Dev + "code").Select(c => c.Value))
            {
                File.WriteAllText(Path.Combine(dir.FullName, $"example{++i}.ps1"), code + "\n");
            }

            var (exitCode, output) = PwshSyntaxChecker.Run(Directory.GetFiles(dir.FullName));
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void About_topic_covers_every_cmdlet_and_the_ways_to_sign_in()
    {
        var text = File.ReadAllText(RepoPaths.ModuleFile(Path.Combine("en-US", "about_PartnerReferrals.help.txt")));
        Assert.StartsWith("TOPIC", text.TrimStart(), StringComparison.Ordinal);
        foreach (var cmdlet in CmdletMetadata.All)
        {
            Assert.Contains(cmdlet.Name, text, StringComparison.Ordinal);
        }

        foreach (var topic in new[] { "-UseDeviceCode", "-RefreshToken", "-ClientSecretCredential", "-CertificateThumbprint", "Get-Secret", "-Environment", "Export-Csv", "-First", "-PageSize", "ErrorDetails" })
        {
            Assert.Contains(topic, text, StringComparison.Ordinal);
        }
    }

    private static XElement CommandHelp(string name) =>
        Help.Value.Root!.Elements(Command + "command").Single(c => NameOf(c) == name);

    private static string NameOf(XElement command) => command.Element(Command + "details")!.Element(Command + "name")!.Value;

    private static Dictionary<string, XElement> DocumentedParameters(string name) =>
        CommandHelp(name).Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value, StringComparer.Ordinal);
}
