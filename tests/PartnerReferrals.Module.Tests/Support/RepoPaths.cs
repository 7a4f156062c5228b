namespace PartnerReferrals.Module.Tests.Support;

/// <summary>Finds files of the repository from a test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The project's shared folder sits beside the repository (CI clones next to it).</summary>
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));

    public static string ModuleFile(string name) => Combine("module", name);

    public static string DirectoryBuildVersion() =>
        System.Xml.Linq.XDocument.Load(Combine("Directory.Build.props")).Descendants("Version").Single().Value;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PartnerReferrals.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PartnerReferrals.sln not found above " + AppContext.BaseDirectory);
    }
}
