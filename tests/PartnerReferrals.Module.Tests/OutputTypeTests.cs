using System.Reflection;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>Output objects must stay flat: Export-Csv writes the type name of anything nested.</summary>
public class OutputTypeTests
{
    private static readonly HashSet<Type> Scalars =
    [
        typeof(string), typeof(bool), typeof(char), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(DateTime),
        typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
    ];

    public static TheoryData<Type> OutputTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in CmdletMetadata.All.SelectMany(c => c.OutputTypes).Distinct())
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void Has_only_scalar_properties(Type type)
    {
        var nested = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !IsScalar(p.PropertyType))
            .Select(p => $"{p.Name}: {p.PropertyType}");
        Assert.Empty(nested);
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void Comes_from_the_module_not_from_a_dependency(Type type)
    {
        // The engine may later load into a private AssemblyLoadContext; outputs must not expose MSAL or other dependencies.
        Assert.StartsWith("PartnerReferrals.", type.Assembly.GetName().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_use_only_BCL_and_PowerShell_types()
    {
        foreach (var cmdlet in CmdletMetadata.All)
        {
            foreach (var parameter in cmdlet.Parameters)
            {
                var type = parameter.Type.IsArray ? parameter.Type.GetElementType()! : parameter.Type;
                var assembly = type.Assembly.GetName().Name!;
                Assert.True(
                    type.Assembly == typeof(object).Assembly || assembly.StartsWith("System.", StringComparison.Ordinal) || assembly == "netstandard",
                    $"{cmdlet.Name} -{parameter.Name} has type {type} from {assembly}");
            }
        }
    }

    [Fact]
    public void The_cmdlet_assembly_references_no_engine_dependency_directly()
    {
        var references = typeof(PartnerReferrals.Commands.ConnectPartnerReferralsCommand).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Identity", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name == "System.Text.Json");
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return Scalars.Contains(underlying) || underlying.IsEnum;
    }
}
