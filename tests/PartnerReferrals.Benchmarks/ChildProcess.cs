using System.Diagnostics;

namespace PartnerReferrals.Benchmarks;

/// <summary>
/// Starts this benchmark again as a child process (<c>dotnet exec PartnerReferrals.Benchmarks.dll --child ...</c>),
/// whether the parent is the benchmark itself or a test host that loaded it: the emulator and each memory pull
/// then have a process of their own, so neither's memory or allocations count against the other.
/// </summary>
internal static class ChildProcess
{
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var assembly = typeof(ChildProcess).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        var config = RuntimeConfig(assembly);
        if (config is not null)
        {
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(config);
        }

        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName + ".");
    }

    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return string.IsNullOrEmpty(fromSdk) ? "dotnet" : fromSdk;
    }

    /// <summary>The benchmark's own runtime config, or (loaded into a test host) the host's, which names the same frameworks.</summary>
    private static string? RuntimeConfig(string assembly)
    {
        var own = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (File.Exists(own))
        {
            return null;
        }

        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(entry))
        {
            candidates.Add(Path.ChangeExtension(entry, ".runtimeconfig.json"));
        }

        candidates.AddRange(Directory.GetFiles(Path.GetDirectoryName(assembly)!, "*.runtimeconfig.json"));
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
