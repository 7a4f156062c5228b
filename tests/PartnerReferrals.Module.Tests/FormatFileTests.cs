using System.Xml;
using System.Xml.Schema;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The format file against PowerShell's published schema. What PowerShell makes of the views once it has loaded them is
/// tested in a runspace (PartnerReferrals.PowerShell.Tests, FormattingTests).
/// </summary>
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
}
