using System.Runtime;
using System.Runtime.InteropServices;

namespace PartnerReferrals.Benchmarks;

/// <summary>What the figures were measured on: they mean little without it.</summary>
public sealed class MachineInfo
{
    public static MachineInfo Current { get; } = new();

    public IEnumerable<(string Name, string Value)> Rows()
    {
        yield return ("CPU", CpuModel());
        yield return ("logical cores", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("memory", MemoryGiB());
        yield return ("OS", RuntimeInformation.OSDescription + " (" + RuntimeInformation.OSArchitecture + ")");
        yield return (".NET", RuntimeInformation.FrameworkDescription);
        yield return ("GC", GCSettings.IsServerGC ? "server" : "workstation" + (GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : string.Empty));
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemoryGiB() =>
        BenchReport.Invariant($"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB");
}
