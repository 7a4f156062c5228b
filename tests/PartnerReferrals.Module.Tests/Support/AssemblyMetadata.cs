using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PartnerReferrals.Module.Tests.Support;

/// <summary>What an assembly file says about itself and what it references, read with System.Reflection.Metadata (nothing is loaded).</summary>
internal sealed record AssemblyMetadata(string Path, AssemblyReference Identity, string TargetFramework, IReadOnlyList<AssemblyReference> References)
{
    public static AssemblyMetadata Read(string path) => TryRead(path) ?? throw new InvalidDataException(path + " is not an assembly.");

    /// <summary>Null for a file that is not an assembly (a native DLL, a module without a manifest).</summary>
    public static AssemblyMetadata? TryRead(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata || pe.GetMetadataReader() is not { IsAssembly: true } metadata)
        {
            return null;
        }

        var definition = metadata.GetAssemblyDefinition();
        var identity = AssemblyReference.From(definition.GetAssemblyName());
        var references = metadata.AssemblyReferences
            .Select(handle => AssemblyReference.From(metadata.GetAssemblyReference(handle).GetAssemblyName()))
            .ToList();
        return new AssemblyMetadata(path, identity, TargetFrameworkOf(metadata, definition, references), references);
    }

    /// <summary>
    /// The TargetFrameworkAttribute's value; for the few assemblies built without one, the framework their core library
    /// reference implies (netstandard 2.0.0.0 is .NET Standard 2.0, mscorlib is .NET Framework 4).
    /// </summary>
    private static string TargetFrameworkOf(MetadataReader metadata, AssemblyDefinition definition, List<AssemblyReference> references)
    {
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
            {
                var value = metadata.GetBlobReader(attribute.Value);
                _ = value.ReadUInt16(); // the custom attribute prolog, 0x0001
                return value.ReadSerializedString() ?? string.Empty;
            }
        }

        return references.FirstOrDefault(r => r.Name is "netstandard" or "mscorlib") switch
        {
            { Name: "netstandard" } netstandard => $".NETStandard,Version=v{netstandard.Version.Major}.{netstandard.Version.Minor}",
            { Name: "mscorlib" } => ".NETFramework,Version=v4.0",
            _ => "(unknown)",
        };
    }
}

/// <summary>An assembly's identity as a reference names it: simple name, version and public key token (empty when unsigned).</summary>
internal sealed record AssemblyReference(string Name, Version Version, string PublicKeyToken)
{
    public string FullName => $"{Name}, Version={Version}, Culture=neutral, PublicKeyToken={(PublicKeyToken.Length == 0 ? "null" : PublicKeyToken)}";

    public static AssemblyReference From(System.Reflection.AssemblyName name) =>
        new(name.Name!, name.Version ?? new Version(0, 0, 0, 0), Convert.ToHexString(name.GetPublicKeyToken() ?? []).ToLowerInvariant());

    /// <summary>Whether this assembly can stand for the reference on .NET Framework: same name and key, same or newer version.</summary>
    public bool Answers(AssemblyReference reference) =>
        string.Equals(Name, reference.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(PublicKeyToken, reference.PublicKeyToken, StringComparison.Ordinal)
        && Version >= reference.Version;

    public override string ToString() => $"{Name} {Version}";
}
