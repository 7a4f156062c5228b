using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace PartnerReferrals.IsolationHost;

/// <summary>
/// Plays a module such as Az.Accounts that ships an older MSAL: its assemblies go into the default context
/// (PowerShell loads a module's assemblies there) and it builds an MSAL client, so the types are really in use.
/// </summary>
internal static class ConflictingModule
{
    public static Assembly Load(string folder)
    {
        AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(folder, "Microsoft.IdentityModel.Abstractions.dll"));
        var msal = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(folder, "Microsoft.Identity.Client.dll"));

        var builderType = msal.GetType("Microsoft.Identity.Client.PublicClientApplicationBuilder", throwOnError: true)!;
        var builder = builderType.GetMethod("Create", [typeof(string)])!.Invoke(null, [Guid.NewGuid().ToString()]);
        var application = builderType.GetMethod("Build", Type.EmptyTypes)!.Invoke(builder, null);
        if (application is null)
        {
            throw new InvalidOperationException("The other module's MSAL built no client.");
        }

        return msal;
    }
}
