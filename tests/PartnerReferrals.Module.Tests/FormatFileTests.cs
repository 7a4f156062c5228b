using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PartnerReferrals.Models;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>The format file is checked against PowerShell's own schema, since no PowerShell can load it here.</summary>
public class FormatFileTests
{
    private static string FormatPath => RepoPaths.ModuleFile("PartnerReferrals.format.ps1xml");

    [Fact]
    public void Validates_against_PowerShells_Format_xsd()
    {
        Assert.Empty(Validate(File.ReadAllText(FormatPath)));
    }

    [Fact]
    public void The_schema_check_reports_a_broken_view()
    {
        // Proves the check above can fail: the schema must really be applied to these elements.
        var broken = File.ReadAllText(FormatPath).Replace("<TableHeaders>", "<TableHeaders><Bogus />", StringComparison.Ordinal);
        Assert.NotEmpty(Validate(broken));
    }

    private static List<string> Validate(string xml)
    {
        var schemaPath = RepoPaths.Shared("schemas", "Format.xsd");
        Assert.True(File.Exists(schemaPath), $"Format.xsd not found at {schemaPath}: the shared folder must sit beside the repository.");
        var schemas = new XmlSchemaSet();
        using (var schemaReader = XmlReader.Create(schemaPath))
        {
            schemas.Add(null, schemaReader);
        }

        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        return problems;
    }

    [Fact]
    public void Every_table_has_as_many_headers_as_column_items()
    {
        var tables = XDocument.Load(FormatPath).Descendants("TableControl").ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").Count();
            foreach (var row in table.Descendants("TableRowEntry"))
            {
                Assert.Equal(headers, row.Element("TableColumnItems")!.Elements("TableColumnItem").Count());
            }
        }
    }

    [Fact]
    public void Column_labels_are_the_property_names_users_can_select()
    {
        // A label that differs from its property sends users to Select-Object with a name that does not exist.
        foreach (var table in XDocument.Load(FormatPath).Descendants("TableControl"))
        {
            var labels = table.Element("TableHeaders")!.Elements("TableColumnHeader").Select(h => h.Element("Label")?.Value).ToList();
            var properties = table.Descendants("TableColumnItem").Select(i => i.Element("PropertyName")?.Value).ToList();
            Assert.Equal(properties, labels);
        }
    }

    [Fact]
    public void Views_select_engine_types_and_name_their_real_properties()
    {
        var engine = typeof(Referral).Assembly;
        foreach (var view in XDocument.Load(FormatPath).Descendants("View"))
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            var type = engine.GetType(typeName);
            Assert.True(type is not null, $"{typeName} is not a type of the engine assembly");
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(type!.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is not null, $"{typeName} has no property {property}");
            }
        }
    }

    [Fact]
    public void Every_output_type_of_the_cmdlets_has_a_view()
    {
        var viewed = XDocument.Load(FormatPath).Descendants("TypeName").Select(t => t.Value).ToHashSet();
        foreach (var type in CmdletMetadata.All.SelectMany(c => c.OutputTypes).Distinct())
        {
            Assert.Contains(type.FullName!, viewed);
        }
    }
}
