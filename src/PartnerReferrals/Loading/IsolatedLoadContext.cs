using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace PartnerReferrals.Commands.Loading;

/// <summary>
/// PowerShell 7: a private AssemblyLoadContext holding the engine and the third-party assemblies it ships (MSAL,
/// Microsoft.IdentityModel.Abstractions, ...), so another module's copies in the default context never meet ours.
/// The default context resolves one name through us, the engine's; only the output types (PartnerReferrals.Models,
/// loaded in the default context) and BCL types cross over.
/// </summary>
/// <remarks>
/// Why reflection: this assembly targets netstandard2.0 so that one build also loads in Windows PowerShell 5.1,
/// and netstandard2.0 has no AssemblyLoadContext. The System.Runtime.Loader package that would add it is not on
/// our NuGet feed (and only offers netstandard1.x reference shapes), and multi-targeting would ship two cmdlet
/// assemblies and an edition switch in the manifest. The members used here (the (string, bool) constructor,
/// LoadFromAssemblyPath, Default, Resolving) are public and unchanged since .NET Core 3.0, and this class is
/// only created when CoreLib has the type, i.e. never on .NET Framework.
///
/// Without a subclass we cannot override Load, which is what normally makes a context prefer its own folder over
/// the default context. We get the same effect by loading our assemblies into the context up front: a context
/// looks in its own by-name cache before anything else, so the engine's request for MSAL 4.92 finds ours even when
/// the default context already holds another MSAL. Assemblies the runtime or PowerShell already has in the same
/// or a higher version (System.Memory, System.Text.Json on a new enough .NET, ...) are left to the default
/// context: their netstandard2.0 copies in dependencies/ exist for .NET Framework, and loading them beside the
/// framework's would give the engine second copies of framework types.
/// </remarks>
internal sealed class IsolatedLoadContext : IDependencyResolver
{
    /// <summary>The name the private context carries (visible in AssemblyLoadContext.All and in dumps).</summary>
    public const string ContextName = "PartnerReferrals";

    private const string LoadContextTypeName = "System.Runtime.Loader.AssemblyLoadContext";

    private readonly string directory;
    private readonly Type loadContextType;
    private readonly object defaultContext;
    private readonly EventInfo resolvingEvent;
    private readonly Delegate resolvingHandler;
    private readonly object gate = new();
    private object? privateContext;
    private Assembly? engine;

    private IsolatedLoadContext(string directory, Type loadContextType)
    {
        this.directory = directory;
        this.loadContextType = loadContextType;
        defaultContext = loadContextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new MissingMemberException(LoadContextTypeName, "Default");
        resolvingEvent = loadContextType.GetEvent("Resolving")
            ?? throw new MissingMemberException(LoadContextTypeName, "Resolving");
        // Func<AssemblyLoadContext, AssemblyName, Assembly?> bound to a method taking object: delegate contravariance.
        var method = typeof(IsolatedLoadContext).GetMethod(nameof(ResolveFromDefault), BindingFlags.NonPublic | BindingFlags.Instance)!;
        resolvingHandler = Delegate.CreateDelegate(resolvingEvent.EventHandlerType!, this, method);
    }

    /// <summary>Null on .NET Framework, which has no load contexts.</summary>
    public static IsolatedLoadContext? TryCreate(string directory)
    {
        var type = typeof(object).Assembly.GetType(LoadContextTypeName, throwOnError: false);
        return type is null ? null : new IsolatedLoadContext(directory, type);
    }

    public void Hook() => resolvingEvent.AddEventHandler(defaultContext, resolvingHandler);

    public void Unhook() => resolvingEvent.RemoveEventHandler(defaultContext, resolvingHandler);

    /// <summary>AssemblyLoadContext.Default.Resolving: answers for the engine only; every other name is not ours to decide.</summary>
    private Assembly? ResolveFromDefault(object context, AssemblyName name) =>
        string.Equals(name.Name, DependencyLoader.EngineAssemblyName, StringComparison.OrdinalIgnoreCase) ? LoadEngine() : null;

    private Assembly LoadEngine()
    {
        lock (gate)
        {
            if (engine is null)
            {
                // The output types must be the default context's copy (PowerShell resolves type names only there),
                // and a private context asks the default one for what it has already loaded: load it there first.
                _ = DependencyLoader.OutputTypesAssembly;
                var context = privateContext ??= Activator.CreateInstance(loadContextType, ContextName, false)!;
                var loadFromPath = loadContextType.GetMethod("LoadFromAssemblyPath", [typeof(string)])
                    ?? throw new MissingMemberException(LoadContextTypeName, "LoadFromAssemblyPath");
                var enginePath = Path.Combine(directory, DependencyLoader.EngineAssemblyName + ".dll");
                foreach (var path in AssembliesToIsolate(directory, enginePath, PlatformAssemblies()))
                {
                    loadFromPath.Invoke(context, [path]);
                }

                engine = (Assembly)loadFromPath.Invoke(context, [enginePath])!;
            }

            return engine;
        }
    }

    /// <summary>
    /// The files of dependencies/ that the private context must own: all but those the default context would
    /// serve in the same or a higher version from the trusted platform assemblies (the runtime and PowerShell).
    /// </summary>
    internal static IEnumerable<string> AssembliesToIsolate(string directory, string enginePath, IDictionary<string, string> platform)
    {
        foreach (var path in Directory.GetFiles(directory, "*.dll"))
        {
            if (string.Equals(path, enginePath, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var ours = AssemblyName.GetAssemblyName(path);
            if (platform.TryGetValue(ours.Name ?? string.Empty, out var platformPath)
                && AssemblyName.GetAssemblyName(platformPath).Version >= ours.Version)
            {
                continue;
            }

            yield return path;
        }
    }

    /// <summary>Simple name to path of the trusted platform assemblies: the runtime's and the host application's (pwsh's).</summary>
    private static Dictionary<string, string> PlatformAssemblies()
    {
        var assemblies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (var path in list.Split([Path.PathSeparator], StringSplitOptions.RemoveEmptyEntries))
            {
                assemblies[Path.GetFileNameWithoutExtension(path)] = path;
            }
        }

        return assemblies;
    }
}
