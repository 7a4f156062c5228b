using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The format and types files against PowerShell's published schemas (../shared/schemas), as Windows PowerShell 5.1 and
/// PowerShell 7 load them. What PowerShell makes of the views once it has loaded them is tested in a runspace
/// (PartnerReferrals.PowerShell.Tests, FormattingTests).
/// </summary>
public class FormatFileTests
{
    private static string FormatPath => RepoPaths.ModuleFile("PartnerReferrals.format.ps1xml");

    [Fact]
    public void Validates_against_PowerShells_Format_xsd()
    {
        Assert.Empty(Validate(File.ReadAllText(FormatPath), "Format.xsd"));
    }

    [Fact]
    public void The_schema_check_reports_a_broken_view()
    {
        // Proves the check above can fail: the schema must really be applied to these elements.
        var broken = File.ReadAllText(FormatPath).Replace("<TableHeaders>", "<TableHeaders><Bogus />", StringComparison.Ordinal);
        Assert.NotEmpty(Validate(broken, "Format.xsd"));
    }

    [Fact]
    public void Every_ps1xml_file_of_the_package_validates_against_the_schema_of_its_kind()
    {
        var module = PackagedModule.Current.ModuleDirectory;
        var files = Directory.GetFiles(module, "*.ps1xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        var formats = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(module, file).Replace('\\', '/');
            var root = XDocument.Load(file).Root!.Name.LocalName;
            // A format file's root is <Configuration>, a types file's <Types>; nothing else loads.
            var schema = root switch
            {
                "Configuration" => "Format.xsd",
                "Types" => "Types.xsd",
                _ => throw new Xunit.Sdk.XunitException($"{relative}: root <{root}> is neither a format file's nor a types file's"),
            };
            Assert.Empty(Validate(File.ReadAllText(file), schema).Select(problem => $"{relative}: {problem}"));
            if (schema == "Format.xsd")
            {
                formats.Add(relative);
            }
        }

        // That the manifest loads exactly these (FormatsToProcess, TypesToProcess) is read by PowerShell itself in
        // tests/Pester/WindowsPowerShell.Tests.ps1.
        Assert.Contains("PartnerReferrals.format.ps1xml", formats);
    }

    [Fact]
    public void The_types_schema_accepts_a_types_file_and_reports_a_broken_one()
    {
        // The package ships no types file today; this keeps Types.xsd in working order for the first one that comes.
        const string Valid = "<Types><Type><Name>PartnerReferrals.Models.Referral</Name><Members><AliasProperty><Name>ReferralId</Name><ReferencedMemberName>Id</ReferencedMemberName></AliasProperty></Members></Type></Types>";
        Assert.Empty(Validate(Valid, "Types.xsd"));
        Assert.NotEmpty(Validate(Valid.Replace("<ReferencedMemberName>", "<Referenced>", StringComparison.Ordinal).Replace("</ReferencedMemberName>", "</Referenced>", StringComparison.Ordinal), "Types.xsd"));
    }

    private static List<string> Validate(string xml, string schemaName)
    {
        var schemaPath = RepoPaths.Shared("schemas", schemaName);
        Assert.True(File.Exists(schemaPath), $"{schemaName} not found at {schemaPath}: the shared folder must sit beside the repository.");
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
