using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace PartnerReferrals.IsolationHost;

/// <summary>What Import-Module does with a binary module on PowerShell 7, as far as loading goes.</summary>
internal static class ModuleImport
{
    public static Assembly Load(string moduleFolder, bool isolate)
    {
        // The manifest's RequiredAssemblies (the output types) load first, then the root module, both into the default
        // context (Import-Module uses Assembly.LoadFrom).
        AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(moduleFolder, "PartnerReferrals.Models.dll"));
        var cmdlets = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(moduleFolder, "PartnerReferrals.dll"));

        // PowerShell lists the exported types, then runs every IModuleAssemblyInitializer before it reads the cmdlets.
        var initializers = cmdlets.GetExportedTypes()
            .Where(t => typeof(IModuleAssemblyInitializer).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Program.Report("initializers", string.Join(",", initializers.Select(t => t.FullName)));
        // Listing the cmdlet types must not pull the engine in: nothing could resolve it before the initializer runs.
        Program.Report("engine-loaded-before-initializer", AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "PartnerReferrals.Engine"));

        if (isolate)
        {
            foreach (var type in initializers)
            {
                ((IModuleAssemblyInitializer)Activator.CreateInstance(type)!).OnImport();
            }
        }
        else
        {
            // The module as it would be without its resolver: engine and dependencies found in the module's folder
            // and loaded into the default context, next to whatever other modules put there.
            var dependencies = Path.Combine(moduleFolder, "dependencies");
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                var path = Path.Combine(dependencies, name.Name + ".dll");
                return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
            };
        }

        return cmdlets;
    }
}
