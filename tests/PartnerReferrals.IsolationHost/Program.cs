using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace PartnerReferrals.IsolationHost;

/// <summary>
/// dotnet PartnerReferrals.IsolationHost.dll --module &lt;module folder&gt; --emulator-file &lt;file&gt; --client-id &lt;id&gt; [--no-isolation]
/// <para>
/// Prints key=value lines the tests read: which MSAL the other module and the engine got, which load context the
/// engine is in, whether sign-in and the query succeeded (outcome=ok) or how they failed (outcome=failed, error=...).
/// Exit code 0 when the sequence ran to an outcome, 2 when the host itself could not run.
/// </para>
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            var options = ParseArguments(args);
            var isolate = !options.ContainsKey("no-isolation");

            // 1. Another module got there first with its own MSAL.
            var otherMsal = ConflictingModule.Load(Path.Combine(AppContext.BaseDirectory, "conflict"));
            Report("other-module-msal", otherMsal.GetName().Version);

            // 2. Import-Module PartnerReferrals: PowerShell loads the root module into the default context.
            var cmdlets = ModuleImport.Load(options["module"], isolate);
            Report("cmdlet-context", AssemblyLoadContext.GetLoadContext(cmdlets)?.Name);

            // 3. Connect-PartnerReferrals and Get-PartnerReferral, through the cmdlet assembly's reference to the engine.
            try
            {
                var result = EngineDriver.ConnectAndQuery(cmdlets, options["emulator-file"], options["client-id"]);
                foreach (var (key, value) in result)
                {
                    Report(key, value);
                }

                Report("outcome", "ok");
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                Report("outcome", "failed");
                Report("error", Describe(failure));
            }

            Report("default-context-msal", string.Join(",", VersionsIn(AssemblyLoadContext.Default, "Microsoft.Identity.Client")));
            return 0;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            Console.Error.WriteLine("isolation host failed: " + failure);
            return 2;
        }
    }

    internal static void Report(string key, object? value) =>
        Console.WriteLine($"{key}={Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.ReplaceLineEndings(" ")}");

    internal static IEnumerable<Version?> VersionsIn(AssemblyLoadContext context, string name) =>
        context.Assemblies.Where(a => a.GetName().Name == name).Select(a => a.GetName().Version);

    /// <summary>Every exception in the chain, unwrapping reflection's TargetInvocationException, as "Type: message" joined by " --> ".</summary>
    private static string Describe(Exception failure)
    {
        var parts = new List<string>();
        for (Exception? current = failure; current is not null; current = current.InnerException)
        {
            if (current is not TargetInvocationException)
            {
                parts.Add(current.GetType().FullName + ": " + current.Message);
            }
        }

        return string.Join(" --> ", parts);
    }

    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException("Unexpected argument: " + args[i]);
            }

            var key = args[i][2..];
            options[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        foreach (var required in new[] { "module", "emulator-file", "client-id" })
        {
            if (!options.ContainsKey(required))
            {
                throw new ArgumentException("Missing --" + required);
            }
        }

        return options;
    }
}
