using System;
using System.IO;
using System.Reflection;

namespace PartnerReferrals.Commands.Loading;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework 4.7.2+): one AppDomain, no load contexts, so no real isolation. This
/// handler only makes the module self-contained: when .NET cannot find the engine or one of the engine's
/// dependencies, it loads the file from dependencies/ (LoadFrom, so that folder is also probed for their own
/// references). It answers only for our own requests, and never with an older version than the one asked for,
/// so it cannot hand another module our copy of a library it failed to find.
/// </summary>
internal sealed class FrameworkAssemblyResolver : IDependencyResolver
{
    private readonly string directory;
    private readonly string moduleDirectory;

    public FrameworkAssemblyResolver(string directory)
    {
        this.directory = directory;
        moduleDirectory = Path.GetDirectoryName(directory) ?? directory;
    }

    public void Hook() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    public void Unhook() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        FileToLoad(args.Name, args.RequestingAssembly) is { } path ? Assembly.LoadFrom(path) : null;

    /// <summary>The file of dependencies/ that answers this request, or null when it is not ours to answer.</summary>
    internal string? FileToLoad(string assemblyName, Assembly? requester)
    {
        var requested = new AssemblyName(assemblyName);
        if (requested.Name is null || requested.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return null;
        }

        // The output types live beside the cmdlets, not in dependencies/; the engine's reference to them is ours too.
        if (string.Equals(requested.Name, DependencyLoader.OutputTypesAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            var beside = Path.Combine(moduleDirectory, requested.Name + ".dll");
            return File.Exists(beside) ? beside : null;
        }

        var path = Path.Combine(directory, requested.Name + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        var isEngine = string.Equals(requested.Name, DependencyLoader.EngineAssemblyName, StringComparison.OrdinalIgnoreCase);
        if (!isEngine && !IsOurs(requester))
        {
            return null;
        }

        // A newer copy answers an older reference (as a binding redirect would); an older copy never answers.
        var ours = AssemblyName.GetAssemblyName(path);
        return requested.Version is not null && ours.Version < requested.Version ? null : path;
    }

    // An unknown requester (null) is let through: .NET Framework often omits it for references of LoadFrom assemblies.
    private bool IsOurs(Assembly? requester) =>
        requester is null
        || (!requester.IsDynamic && requester.Location.StartsWith(moduleDirectory, StringComparison.OrdinalIgnoreCase));
}
