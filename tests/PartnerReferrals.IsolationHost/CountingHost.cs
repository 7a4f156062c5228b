using System;
using System.Reflection;

namespace PartnerReferrals.IsolationHost;

/// <summary>
/// An IEngineHost made at run time (the host has no compile-time reference to the engine) that counts output
/// objects; the stub PowerShell's WriteObject would drop them.
/// </summary>
public class CountingHost : DispatchProxy
{
    public int Objects { get; private set; }

    public string? FirstObjectType { get; private set; }

    public static CountingHost Create(Type engineHostInterface) => (CountingHost)DispatchProxy.Create(engineHostInterface, typeof(CountingHost));

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name)
        {
            case "WriteObjectsAsync":
                foreach (var item in (System.Collections.IEnumerable)args![0]!)
                {
                    Objects++;
                    FirstObjectType ??= item?.GetType().FullName;
                }

                return System.Threading.Tasks.Task.CompletedTask;
            case "WriteWarning":
            case "WriteError":
                Console.Error.WriteLine(targetMethod.Name + ": " + args?[0]);
                break;
        }

        return null;
    }
}
