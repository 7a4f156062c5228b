using System.Reflection;
using System.Runtime.Loader;
using PartnerReferrals.Commands.Loading;
using PartnerReferrals.Module.Tests.Support;
using Xunit.Abstractions;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// Windows PowerShell 5.1 cannot run here, so what its .NET Framework 4.7.2 would do with the package is checked from
/// metadata: every shipped assembly targets .NET Framework 4.7.2 or .NET Standard 2.0 at most, and every reference of
/// every shipped assembly is answered by the framework (the Microsoft.NETFramework.ReferenceAssemblies.net472 package,
/// with its Facades, netstandard.dll among them), by Windows PowerShell itself (System.Management.Automation 3.0.0.0),
/// or by a shipped assembly at least as new, which the module's own resolver hands out (FrameworkAssemblyResolver).
/// </summary>
public sealed class WindowsPowerShellAssemblyTests(ITestOutputHelper output)
{
    // Windows PowerShell 5.1's own engine assembly, in the GAC beside it; PowerShellStandard.Library compiles against it.
    private static readonly AssemblyReference HostAssembly = new("System.Management.Automation", new Version(3, 0, 0, 0), "31bf3856ad364e35");

    [Fact]
    public void Every_shipped_assembly_targets_NET_Framework_4_7_2_or_NET_Standard_2_0_or_lower()
    {
        var tooNew = ShippedAssemblies()
            .Select(path => (path, target: AssemblyMetadata.Read(path).TargetFramework))
            .Where(pair => !RunsOnNetFramework472(pair.target))
            .Select(pair => $"{Relative(pair.path)} targets {pair.target}")
            .ToList();

        Assert.Empty(tooNew);
    }

    [Fact]
    public void Every_reference_resolves_to_the_framework_Windows_PowerShell_or_a_shipped_assembly_the_resolver_answers()
    {
        var resolutions = ResolveAll(ShippedAssemblies().Select(AssemblyMetadata.Read), FrameworkAssemblies.Value);

        output.WriteLine("References of the package that the module's resolver (FrameworkAssemblyResolver) answers on .NET Framework:");
        foreach (var resolution in resolutions.Where(r => r.Kind == ResolutionKind.Package))
        {
            output.WriteLine($"  {resolution.From} -> {resolution.Reference} : {Relative(resolution.File!)}");
        }

        Assert.Empty(resolutions.Where(r => r.Kind == ResolutionKind.Unresolved).Select(r => $"{r.From} -> {r.Reference}"));
        // The engine and MSAL are never the framework's: the cmdlets reach them only through the resolver.
        Assert.Contains(resolutions, r => r.Kind == ResolutionKind.Package && r.Reference.Name == DependencyLoader.EngineAssemblyName);
        Assert.Contains(resolutions, r => r.Kind == ResolutionKind.Package && r.Reference.Name == "Microsoft.Identity.Client");
        Assert.Contains(resolutions, r => r.Kind == ResolutionKind.Framework && r.Reference.Name == "netstandard");
        Assert.Contains(resolutions, r => r.Kind == ResolutionKind.Host);

        // The module's own resolver, asked as .NET Framework asks it (the requesting assembly loaded from the package),
        // hands out exactly the file the check above chose.
        var resolver = new FrameworkAssemblyResolver(PackagedModule.Current.DependencyDirectory);
        var context = new AssemblyLoadContext("windows-powershell-requesters", isCollectible: true);
        try
        {
            var answers = resolutions.Where(r => r.Kind == ResolutionKind.Package)
                .Select(r => (r, answer: resolver.FileToLoad(r.Reference.FullName, context.LoadFromAssemblyPath(r.FromPath))))
                .Where(pair => !string.Equals(pair.answer, pair.r.File, StringComparison.Ordinal))
                .Select(pair => $"{pair.r.From} -> {pair.r.Reference}: the resolver answers {pair.answer ?? "nothing"}, expected {pair.r.File}")
                .ToList();
            Assert.Empty(answers);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void The_check_reports_a_reference_newer_than_the_shipped_copy_and_one_nothing_ships()
    {
        // Proves the check can fail: a package whose engine asks for a newer MSAL, or for a library nobody shipped.
        var engine = AssemblyMetadata.Read(Path.Combine(PackagedModule.Current.DependencyDirectory, "PartnerReferrals.Engine.dll"));
        var msal = engine.References.Single(r => r.Name == "Microsoft.Identity.Client");
        var spoiled = engine with
        {
            References =
            [
                msal with { Version = new Version(msal.Version.Major + 1, 0, 0, 0) },
                new AssemblyReference("Newtonsoft.Json", new Version(13, 0, 0, 0), "30ad4fe6b2a6aeed"),
            ],
        };

        var package = ShippedAssemblies().Select(AssemblyMetadata.Read).Where(a => a.Identity != engine.Identity).Append(spoiled);
        var unresolved = ResolveAll(package, FrameworkAssemblies.Value)
            .Where(r => r.Kind == ResolutionKind.Unresolved)
            .Select(r => r.Reference.Name)
            .ToList();

        Assert.Equal(["Microsoft.Identity.Client", "Newtonsoft.Json"], unresolved);
    }

    private static readonly Lazy<Dictionary<string, AssemblyReference>> FrameworkAssemblies = new(() =>
    {
        var root = typeof(WindowsPowerShellAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetFramework472ReferenceAssemblies").Value!;
        Assert.True(Directory.Exists(root), "the .NET Framework 4.7.2 reference assemblies were not restored: " + root);
        return Directory.GetFiles(root, "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(root, "Facades"), "*.dll"))
            .Select(AssemblyMetadata.TryRead)
            .OfType<AssemblyMetadata>()
            .Select(assembly => assembly.Identity)
            .ToDictionary(identity => identity.Name, StringComparer.OrdinalIgnoreCase);
    });

    private static List<string> ShippedAssemblies() =>
        [.. Directory.GetFiles(PackagedModule.Current.ModuleDirectory, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static string Relative(string path) => Path.GetRelativePath(PackagedModule.Current.ModuleDirectory, path).Replace('\\', '/');

    private static bool RunsOnNetFramework472(string target)
    {
        var name = new System.Runtime.Versioning.FrameworkName(target);
        return name.Identifier switch
        {
            ".NETFramework" => name.Version <= new Version(4, 7, 2),
            ".NETStandard" => name.Version <= new Version(2, 0),
            _ => false,
        };
    }

    /// <summary>
    /// .NET Framework's rules, for a reference: a framework assembly of the same name and key at the same or a higher
    /// version answers it (unification); else PowerShell's own; else only a shipped file, through the resolver.
    /// </summary>
    private static List<Resolution> ResolveAll(IEnumerable<AssemblyMetadata> shipped, Dictionary<string, AssemblyReference> framework)
    {
        var assemblies = shipped.ToList();
        var byName = assemblies.ToDictionary(a => a.Identity.Name, StringComparer.OrdinalIgnoreCase);
        var resolutions = new List<Resolution>();
        foreach (var assembly in assemblies)
        {
            foreach (var reference in assembly.References)
            {
                var from = Relative(assembly.Path);
                if (framework.TryGetValue(reference.Name, out var inbox) && inbox.Answers(reference))
                {
                    resolutions.Add(new Resolution(from, assembly.Path, reference, ResolutionKind.Framework, null));
                }
                else if (HostAssembly.Answers(reference))
                {
                    resolutions.Add(new Resolution(from, assembly.Path, reference, ResolutionKind.Host, null));
                }
                else if (byName.TryGetValue(reference.Name, out var ours) && ours.Identity.Answers(reference))
                {
                    resolutions.Add(new Resolution(from, assembly.Path, reference, ResolutionKind.Package, ours.Path));
                }
                else
                {
                    resolutions.Add(new Resolution(from, assembly.Path, reference, ResolutionKind.Unresolved, null));
                }
            }
        }

        return resolutions;
    }

    private enum ResolutionKind
    {
        Framework,
        Host,
        Package,
        Unresolved,
    }

    private sealed record Resolution(string From, string FromPath, AssemblyReference Reference, ResolutionKind Kind, string? File);
}
