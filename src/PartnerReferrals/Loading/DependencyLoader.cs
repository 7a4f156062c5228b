using System.IO;
using System.Reflection;

namespace PartnerReferrals.Commands.Loading;

/// <summary>
/// Chooses how the engine and its dependencies load: into a private AssemblyLoadContext on PowerShell 7 (.NET),
/// or through AppDomain.AssemblyResolve on Windows PowerShell 5.1 (.NET Framework, which has no load contexts).
/// </summary>
internal static class DependencyLoader
{
    /// <summary>The one name the cmdlet assembly resolves; the engine's own references resolve inside its context.</summary>
    public const string EngineAssemblyName = "PartnerReferrals.Engine";

    /// <summary>The assembly of the output types; it sits beside PartnerReferrals.dll and loads in the default context.</summary>
    public const string OutputTypesAssemblyName = "PartnerReferrals.Models";

    /// <summary>The folder beside PartnerReferrals.dll that holds the engine and every third-party assembly.</summary>
    public const string DependencyFolderName = "dependencies";

    private static readonly object Gate = new();
    private static IDependencyResolver? resolver;
    private static bool installed;

    /// <summary>
    /// The assembly of the types the cmdlets write, beside this one in the default context, so that PowerShell can
    /// resolve them by name. It has no dependencies, so loading it never drags anything else into that context.
    /// </summary>
    public static Assembly OutputTypesAssembly => typeof(PartnerReferrals.Models.Referral).Assembly;

    /// <summary>The module's dependencies folder, next to this assembly.</summary>
    public static string DependencyDirectory { get; } = Path.Combine(
        Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".",
        DependencyFolderName);

    /// <summary>True when the engine loads into a private load context (PowerShell 7), false on .NET Framework.</summary>
    public static bool Isolates => Resolver is IsolatedLoadContext;

    /// <summary>Hooks the resolver; idempotent, so Import-Module -Force or a nested import does no harm.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!installed)
            {
                Resolver.Hook();
                installed = true;
            }
        }
    }

    public static void Uninstall()
    {
        lock (Gate)
        {
            if (installed)
            {
                Resolver.Unhook();
                installed = false;
            }
        }
    }

    // One per process: the load context and what it loaded outlive a Remove-Module, so a re-import reuses them.
    private static IDependencyResolver Resolver
    {
        get
        {
            lock (Gate)
            {
                return resolver ??= (IDependencyResolver?)IsolatedLoadContext.TryCreate(DependencyDirectory)
                    ?? new FrameworkAssemblyResolver(DependencyDirectory);
            }
        }
    }
}

internal interface IDependencyResolver
{
    void Hook();

    void Unhook();
}
