using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Hosting;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Engine.Sessions;

namespace PartnerReferrals.FrameworkHost;

/// <summary>
/// PartnerReferrals.FrameworkHost.exe --module &lt;module folder&gt; --emulator-file &lt;file&gt; --client-id &lt;id&gt;
/// <para>
/// Prints key=value lines the test reads: the runtime, whether the module chose its .NET Framework resolver (isolates=False),
/// where the engine and MSAL were loaded from, and whether sign-in and the pull succeeded (outcome=ok, rows=N) or how
/// they failed (outcome=failed, error=...). Exit code 0 when the sequence ran to an outcome, 2 when the host could not run.
/// </para>
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            var options = ParseArguments(args);
            Report("runtime", Type.GetType("Mono.Runtime") is null ? ".NET Framework " + Environment.Version : "Mono " + Environment.Version);
            var cmdlets = ImportModule(options["module"]);
            Report("isolates", cmdlets.GetType("PartnerReferrals.Commands.Loading.DependencyLoader", throwOnError: true)!
                .GetProperty("Isolates", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null));
            try
            {
                ConnectAndPull(options["emulator-file"], options["client-id"]);
                Report("outcome", "ok");
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                Report("outcome", "failed");
                Report("error", Describe(failure));
                // The engine's error id (PartnerReferrals.Http.CertificateRejected, ...), read without naming the engine type.
                var engineError = failure is TargetInvocationException { InnerException: { } inner } ? inner : failure;
                Report("error-id", engineError.GetType().GetProperty("ErrorId")?.GetValue(engineError));
            }

            foreach (var name in new[] { "PartnerReferrals.Engine", "Microsoft.Identity.Client", "System.Text.Json", "System.Memory" })
            {
                Report("loaded-" + name, string.Join(",", AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == name).Select(Where)));
            }

            return 0;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            Console.Error.WriteLine("framework host failed: " + failure);
            return 2;
        }
    }

    /// <summary>What Import-Module does with the manifest on Windows PowerShell 5.1, as far as loading goes.</summary>
    private static Assembly ImportModule(string moduleFolder)
    {
        // RequiredAssemblies first, then the root module, both with Assembly.LoadFrom; then the IModuleAssemblyInitializer.
        Assembly.LoadFrom(Path.Combine(moduleFolder, "PartnerReferrals.Models.dll"));
        var cmdlets = Assembly.LoadFrom(Path.Combine(moduleFolder, "PartnerReferrals.dll"));
        // By name: PowerShell finds it by testing each exported type for the interface, but Mono lays out a class (and
        // loads the types of all its fields, the engine's too) when asked that, where .NET Framework only does so for
        // value-type fields; before the initializer has run, the engine cannot be found yet.
        var initializer = cmdlets.GetType("PartnerReferrals.Commands.Loading.ModuleAssemblyInitializer", throwOnError: true)!;
        Report("initializer", initializer.FullName);
        ((System.Management.Automation.IModuleAssemblyInitializer)Activator.CreateInstance(initializer)).OnImport();
        return cmdlets;
    }

    // Its own method, compiled only once the module's resolver is in place: it names engine types, which this folder lacks.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConnectAndPull(string emulatorFile, string clientId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var host = new CountingHost();
        var request = new ConnectRequest { Method = SignInMethod.DeviceCode, Environment = PartnerEnvironment.Emulator, EmulatorFile = emulatorFile, ClientId = clientId };
        using var session = PartnerReferralsOperations.Connect(request, host, timeout.Token);
        Report("connected-environment", session.Context.Environment);
        PartnerReferralsOperations.GetReferrals(session, new ReferralRequest(), host, timeout.Token);
        Report("rows", host.Objects);
        Report("row-type", host.FirstObjectType);
        PartnerReferralsOperations.Disconnect(session, clearPersistedCache: false, host);
    }

    private static string Where(Assembly assembly) =>
        assembly.GetName().Version + "@" + Path.GetFileName(Path.GetDirectoryName(assembly.Location));

    private static void Report(string key, object? value) =>
        Console.WriteLine(key + "=" + Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\r", " ").Replace("\n", " "));

    /// <summary>Every exception in the chain, unwrapping reflection's TargetInvocationException, as "Type: message" joined by " --> ".</summary>
    private static string Describe(Exception failure)
    {
        var parts = new List<string>();
        for (var current = failure; current is not null; current = current.InnerException)
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
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        foreach (var required in new[] { "module", "emulator-file", "client-id" })
        {
            if (!options.ContainsKey(required))
            {
                throw new ArgumentException("missing --" + required);
            }
        }

        return options;
    }

    /// <summary>The engine's view of PowerShell, counting what a cmdlet would write to the pipeline.</summary>
    private sealed class CountingHost : IEngineHost
    {
        public int Objects { get; private set; }

        public string? FirstObjectType { get; private set; }

        public Task WriteObjectsAsync(IReadOnlyList<object> items, CancellationToken cancellationToken)
        {
            foreach (var item in items)
            {
                Objects++;
                FirstObjectType ??= item.GetType().FullName;
            }

            return Task.CompletedTask;
        }

        public void WriteVerbose(string message)
        {
        }

        public void WriteDebug(string message)
        {
        }

        public void WriteWarning(string message) => Console.Error.WriteLine("WARNING: " + message);

        public void WriteProgress(ProgressReport report)
        {
        }

        public void WriteTotalCount(long totalCount)
        {
        }

        public void WriteError(PartnerReferralsException error) => Console.Error.WriteLine("ERROR: " + error.Message);
    }
}
