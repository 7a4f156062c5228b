using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;

namespace PartnerReferrals.IsolationHost;

/// <summary>
/// Connect-PartnerReferrals -Environment Emulator -UseDeviceCode, then Get-PartnerReferral, along the path the
/// cmdlets take: requests built by the cmdlet assembly's own code, handed to the engine it resolves by name from
/// the default context. Nothing here names an engine type at compile time.
/// </summary>
internal static class EngineDriver
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<(string Key, object? Value)> ConnectAndQuery(Assembly cmdlets, string emulatorFile, string clientId)
    {
        var results = new List<(string, object?)>();

        // The runtime resolves the cmdlet assembly's reference the same way when a cmdlet first runs.
        var engineName = cmdlets.GetReferencedAssemblies().Single(n => n.Name == "PartnerReferrals.Engine");
        var engine = AssemblyLoadContext.Default.LoadFromAssemblyName(engineName);
        var engineContext = AssemblyLoadContext.GetLoadContext(engine)!;
        results.Add(("engine-context", engineContext.Name));
        results.Add(("engine-folder", System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(engine.Location))));

        var operations = engine.GetType("PartnerReferrals.Engine.Operations.PartnerReferralsOperations", throwOnError: true)!;
        var hostInterface = engine.GetType("PartnerReferrals.Engine.Hosting.IEngineHost", throwOnError: true)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // Connect: the request comes from ConnectPartnerReferralsCommand.BuildRequest (cmdlet code creating engine
        // types); the stub PowerShell has no parameter sets, so the sign-in method is set afterwards.
        var connectCmdlet = Create(cmdlets, "PartnerReferrals.Commands.ConnectPartnerReferralsCommand");
        Set(connectCmdlet, "Environment", "Emulator");
        Set(connectCmdlet, "EmulatorFile", emulatorFile);
        Set(connectCmdlet, "ClientId", clientId);
        var connectRequest = Call(connectCmdlet, "BuildRequest");
        Set(connectRequest, "Method", Enum.Parse(engine.GetType("PartnerReferrals.Engine.Sessions.SignInMethod", throwOnError: true)!, "DeviceCode"));
        // The host is the cmdlet assembly's own adapter: its IEngineHost must be the engine's, across the boundary.
        var adapterHost = Activator.CreateInstance(cmdlets.GetType("PartnerReferrals.Commands.Hosting.EngineHostAdapter", throwOnError: true)!, Instance, null, [connectCmdlet], null)!;
        var connectOptions = engine.GetType("PartnerReferrals.Engine.SignIn.ConnectOptions", throwOnError: true)!;
        var connect = operations.GetMethod("Connect", [connectRequest.GetType(), hostInterface, typeof(CancellationToken), connectOptions])!;
        var session = connect.Invoke(null, [connectRequest, adapterHost, timeout.Token, null])!;
        var context = session.GetType().GetMethod("CurrentContext", Type.EmptyTypes)!.Invoke(session, null)!;
        results.Add(("connected-environment", Get(context, "Environment")));

        // The cmdlets pass the process-wide session, as Connect-PartnerReferrals leaves it.
        var store = engine.GetType("PartnerReferrals.Engine.Sessions.SessionStore", throwOnError: true)!;
        store.GetMethod("Replace")!.Invoke(null, [session]);

        // Get-PartnerReferral: the cmdlet's whole ProcessRecord (its output goes to the stub's no-op WriteObject) ...
        var getCmdlet = Create(cmdlets, "PartnerReferrals.Commands.GetPartnerReferralCommand");
        Call(getCmdlet, "ProcessRecord");
        results.Add(("cmdlet-process-record", "ok"));

        // ... and the same request through the engine entry point with a host that counts what comes back.
        var referralRequest = Call(getCmdlet, "BuildRequest");
        var counter = CountingHost.Create(hostInterface);
        var getReferrals = operations.GetMethod("GetReferrals", [session.GetType(), referralRequest.GetType(), hostInterface, typeof(CancellationToken)])!;
        getReferrals.Invoke(null, [session, referralRequest, counter, timeout.Token]);
        results.Add(("rows", counter.Objects));
        results.Add(("row-type", counter.FirstObjectType));

        results.Add(("engine-msal", string.Join(",", Program.VersionsIn(engineContext, "Microsoft.Identity.Client"))));
        results.Add(("engine-identitymodel", string.Join(",", Program.VersionsIn(engineContext, "Microsoft.IdentityModel.Abstractions"))));
        return results;
    }

    private static object Create(Assembly assembly, string typeName) => Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!)!;

    private static void Set(object target, string property, object? value) => target.GetType().GetProperty(property, Instance)!.SetValue(target, value);

    private static object? Get(object target, string property) => target.GetType().GetProperty(property, Instance)!.GetValue(target);

    private static object Call(object target, string method) =>
        target.GetType().GetMethod(method, Instance, Type.EmptyTypes)!.Invoke(target, null) ?? "(void)";
}
