using System.Xml.Linq;

namespace PartnerReferrals.Module.Tests.Support;

/// <summary>
/// The module folder exactly as build.ps1 Package lays it out (the same MSBuild target, ModuleLayout.targets), made
/// once per test run: one 'dotnet publish --no-build' shared by every test that needs the published output.
/// </summary>
internal sealed class PackagedModule
{
    private static readonly Lazy<PackagedModule> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackagedModule(string publishDirectory, string moduleDirectory)
    {
        PublishDirectory = publishDirectory;
        ModuleDirectory = moduleDirectory;
    }

    public static PackagedModule Current => Instance.Value;

    /// <summary>What 'dotnet publish src/PartnerReferrals' wrote.</summary>
    public string PublishDirectory { get; }

    /// <summary>The laid-out module folder (…/PartnerReferrals/&lt;version&gt;).</summary>
    public string ModuleDirectory { get; }

    public string DependencyDirectory => Path.Combine(ModuleDirectory, "dependencies");

    public const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>An item list of src/PartnerReferrals/PackageFiles.props (ModuleTopLevelAssembly, ModuleDependencyAssembly, ModuleContentFile, ModuleRootFile).</summary>
    public static IReadOnlyList<string> ListedFiles(string itemType) =>
        XDocument.Load(RepoPaths.Combine("src", "PartnerReferrals", "PackageFiles.props"))
            .Descendants(itemType)
            .Select(item => (string)item.Attribute("Include")!)
            .ToList();

    /// <summary>Runs the layout target alone over a publish folder; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) LayOut(string publishDirectory, string moduleDirectory, params string[] moreArguments) =>
        ProcessRunner.Run(
            "dotnet",
            [
                "msbuild", RepoPaths.Combine("src", "PartnerReferrals", "PartnerReferrals.csproj"), "-nologo",
                "-t:LayOutModule", "-p:Configuration=" + Configuration,
                "-p:ModulePublishDir=" + publishDirectory, "-p:ModuleLayout=" + moduleDirectory, .. moreArguments,
            ],
            TimeSpan.FromMinutes(3));

    private static PackagedModule Create()
    {
        // Under the test output (bin/ is ignored by git), fresh each run, so stale files can never pass a check.
        var root = Path.Combine(AppContext.BaseDirectory, "packaged-module");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var publish = Path.Combine(root, "publish");
        var module = Path.Combine(root, "module", "PartnerReferrals", RepoPaths.DirectoryBuildVersion());
        // Test projects run in parallel processes and each publishes the same project, which writes into its obj/.
        using var turn = TakeTurn(RepoPaths.Combine("src", "PartnerReferrals", "obj", "test-publish.lock"));
        var (exitCode, log) = ProcessRunner.Run(
            "dotnet",
            [
                "publish", RepoPaths.Combine("src", "PartnerReferrals", "PartnerReferrals.csproj"), "-nologo",
                "--configuration", Configuration, "--no-build", "--output", publish, "-p:ModuleLayout=" + module,
            ],
            TimeSpan.FromMinutes(3));
        if (exitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish with ModuleLayout failed:" + Environment.NewLine + log);
        }

        return new PackagedModule(publish, module);
    }

    /// <summary>An exclusive lock on a file, which .NET enforces between processes on every platform.</summary>
    private static FileStream TakeTurn(string lockFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
