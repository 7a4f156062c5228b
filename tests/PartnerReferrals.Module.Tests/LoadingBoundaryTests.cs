using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PartnerReferrals.Commands.Loading;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// What may cross between the session's default context and the module's private one: the cmdlet assembly sees
/// only netstandard, PowerShell and the engine, and the engine types it uses carry no MSAL type in their public
/// surface, so no MSAL type from our context ever meets another module's.
/// </summary>
public class LoadingBoundaryTests
{
    // A type of the cmdlet assembly that needs no PowerShell to load: these tests read metadata, they run no cmdlet.
    private static readonly Assembly Cmdlets = typeof(DependencyLoader).Assembly;
    private static readonly Assembly Engine = typeof(PartnerReferralsOperations).Assembly;

    [Fact]
    public void The_cmdlet_assembly_references_only_netstandard_PowerShell_the_engine_and_the_output_types()
    {
        var references = Cmdlets.GetReferencedAssemblies().Select(a => a.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["PartnerReferrals.Engine", "PartnerReferrals.Models", "System.Management.Automation", "netstandard"], references);
    }

    [Fact]
    public void The_resolver_answers_for_the_engine_by_its_real_name_from_the_dependencies_folder()
    {
        Assert.Equal(DependencyLoader.EngineAssemblyName, Engine.GetName().Name);
        Assert.Equal("dependencies", DependencyLoader.DependencyFolderName);
        Assert.True(File.Exists(Path.Combine(PackagedModule.Current.DependencyDirectory, DependencyLoader.EngineAssemblyName + ".dll")));
    }

    [Fact]
    public void The_engine_types_the_cmdlets_use_expose_no_MSAL_type()
    {
        var used = EngineTypesReferencedByCmdlets();
        Assert.Contains("PartnerReferrals.Engine.Operations.PartnerReferralsOperations", used.Select(t => t.FullName));

        var leaks = used
            .SelectMany(type => PublicSignatureTypes(type).Select(exposed => (type, exposed)))
            .Where(pair => pair.exposed.Assembly.GetName().Name!.StartsWith("Microsoft.Identity", StringComparison.Ordinal))
            .Select(pair => $"{pair.type.FullName} exposes {pair.exposed.FullName}")
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void The_private_context_owns_MSAL_and_leaves_what_the_framework_has_in_the_same_or_a_newer_version_to_the_default_context()
    {
        var dependencies = PackagedModule.Current.DependencyDirectory;
        // The shared framework alone stands for a session's platform assemblies: this test host's own list also holds
        // the MSAL its project references bring (the isolation host shows the real thing in a clean process).
        var framework = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase);
        var isolated = IsolatedLoadContext.AssembliesToIsolate(dependencies, Path.Combine(dependencies, "PartnerReferrals.Engine.dll"), framework)
            .Select(Path.GetFileName)
            .ToList();

        Assert.Contains("Microsoft.Identity.Client.dll", isolated);
        Assert.Contains("Microsoft.Identity.Client.Extensions.Msal.dll", isolated);
        Assert.Contains("Microsoft.IdentityModel.Abstractions.dll", isolated);
        // Their netstandard2.0 copies exist for .NET Framework; .NET has the same or newer ones built in.
        Assert.DoesNotContain("System.Memory.dll", isolated);
        Assert.DoesNotContain("System.Buffers.dll", isolated);
        Assert.DoesNotContain("System.Runtime.CompilerServices.Unsafe.dll", isolated);
        Assert.DoesNotContain("PartnerReferrals.Engine.dll", isolated);
    }

    /// <summary>Every engine type the cmdlet assembly's metadata names (its TypeRefs scoped to the engine reference).</summary>
    private static List<Type> EngineTypesReferencedByCmdlets()
    {
        using var stream = File.OpenRead(Cmdlets.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = new List<Type>();
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            if (reference.ResolutionScope.Kind == HandleKind.AssemblyReference
                && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name) == Engine.GetName().Name)
            {
                var name = metadata.GetString(reference.Namespace) + "." + metadata.GetString(reference.Name);
                types.Add(Engine.GetType(name, throwOnError: true)!);
            }
        }

        return types;
    }

    private static IEnumerable<Type> PublicSignatureTypes(Type type)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> direct = [
            .. type.GetInterfaces(),
            .. type.BaseType is null ? [] : new[] { type.BaseType },
            .. type.GetProperties(Public).Select(p => p.PropertyType),
            .. type.GetFields(Public).Select(f => f.FieldType),
            .. type.GetEvents(Public).Select(e => e.EventHandlerType!),
            .. type.GetMethods(Public).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
            .. type.GetConstructors(Public).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)),
        ];
        return direct.SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            return Flatten(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type) : [type];
    }
}
