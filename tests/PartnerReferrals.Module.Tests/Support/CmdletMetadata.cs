using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Reflection;
using PartnerReferrals.Commands;

namespace PartnerReferrals.Module.Tests.Support;

/// <summary>One [Parameter] attribute: a parameter's membership in one set.</summary>
internal sealed record ParameterSetEntry(string SetName, bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);

internal sealed record CmdletParameter(string Name, Type Type, IReadOnlyList<string> Aliases, IReadOnlyList<ParameterSetEntry> Sets, IReadOnlyList<CustomAttributeData> Attributes)
{
    public bool IsSwitch => Type == typeof(SwitchParameter);
}

internal sealed record CmdletMetadata(
    Type Type,
    string Verb,
    string Noun,
    string? DefaultParameterSetName,
    bool SupportsPaging,
    bool SupportsShouldProcess,
    IReadOnlyList<Type> OutputTypes,
    IReadOnlyList<CmdletParameter> Parameters)
{
    public const string AllParameterSets = "__AllParameterSets";

    public string Name => Verb + "-" + Noun;

    /// <summary>Every cmdlet of the module's assembly, read from the metadata blob: the stub's attribute objects read back empty.</summary>
    public static IReadOnlyList<CmdletMetadata> All { get; } = Load(typeof(ConnectPartnerReferralsCommand).Assembly);

    /// <summary>The parameters PowerShell adds to every cmdlet, with their aliases: a cmdlet must not reuse them.</summary>
    public static IReadOnlyDictionary<string, string[]> CommonParameters { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Verbose"] = ["vb"],
        ["Debug"] = ["db"],
        ["ErrorAction"] = ["ea"],
        ["WarningAction"] = ["wa"],
        ["InformationAction"] = ["infa"],
        ["ProgressAction"] = ["proga"],
        ["ErrorVariable"] = ["ev"],
        ["WarningVariable"] = ["wv"],
        ["InformationVariable"] = ["iv"],
        ["OutVariable"] = ["ov"],
        ["OutBuffer"] = ["ob"],
        ["PipelineVariable"] = ["pv"],
    };

    public static IReadOnlyList<CmdletMetadata> Load(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && Attribute<CmdletAttribute>(t) is not null)
            .Select(Read)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The named sets a parameter set name can take in this cmdlet (without the implicit all-sets).</summary>
    public IReadOnlyList<string> NamedSets()
    {
        var sets = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != AllParameterSets);
        if (DefaultParameterSetName is not null)
        {
            sets = sets.Append(DefaultParameterSetName);
        }

        return sets.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The parameters that take part in a set, with their entry for it.</summary>
    public IEnumerable<(CmdletParameter Parameter, ParameterSetEntry Entry)> InSet(string setName) =>
        Parameters.SelectMany(p => p.Sets
            .Where(s => s.SetName == AllParameterSets || string.Equals(s.SetName, setName, StringComparison.OrdinalIgnoreCase))
            .Take(1)
            .Select(s => (p, s)));

    private static CmdletMetadata Read(Type type)
    {
        var cmdlet = Attribute<CmdletAttribute>(type)!;
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(ReadParameter)
            .OfType<CmdletParameter>()
            .ToList();
        var outputTypes = type.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(OutputTypeAttribute))
            .SelectMany(a => a.ConstructorArguments.SelectMany(Flatten))
            .Select(v => v as Type ?? Type.GetType((string)v!, throwOnError: true)!)
            .ToList();
        return new CmdletMetadata(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            Named<string>(cmdlet, nameof(CmdletAttribute.DefaultParameterSetName)),
            Named<bool>(cmdlet, nameof(CmdletAttribute.SupportsPaging)),
            Named<bool>(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess)),
            outputTypes,
            parameters);
    }

    private static CmdletParameter? ReadParameter(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributesData();
        var sets = attributes
            .Where(a => a.AttributeType == typeof(ParameterAttribute))
            .Select(a => new ParameterSetEntry(
                Named<string>(a, nameof(ParameterAttribute.ParameterSetName)) ?? AllParameterSets,
                Named<bool>(a, nameof(ParameterAttribute.Mandatory)),
                NamedValue(a, nameof(ParameterAttribute.Position)) is int position && position != int.MinValue ? position : null,
                Named<bool>(a, nameof(ParameterAttribute.ValueFromPipeline)),
                Named<bool>(a, nameof(ParameterAttribute.ValueFromPipelineByPropertyName))))
            .ToList();
        if (sets.Count == 0)
        {
            return null;
        }

        var aliases = attributes
            .Where(a => a.AttributeType == typeof(AliasAttribute))
            .SelectMany(a => a.ConstructorArguments.SelectMany(Flatten))
            .Cast<string>()
            .ToList();
        return new CmdletParameter(property.Name, property.PropertyType, aliases, sets, attributes.ToList());
    }

    internal static CustomAttributeData? Attribute<T>(MemberInfo member) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(T));

    internal static IEnumerable<object?> Flatten(CustomAttributeTypedArgument argument) =>
        argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : [argument.Value];

    private static object? NamedValue(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

    private static T? Named<T>(CustomAttributeData attribute, string name) => NamedValue(attribute, name) is T value ? value : default;
}
