using System;
using System.IO;

namespace PartnerReferrals.Emulator;

/// <summary>
/// Where the emulator keeps its files by default. The module reads the published file from the same place,
/// so this rule must not change silently: <c>$PARTNERREFERRALS_EMULATOR_FILE</c> when set, otherwise
/// <c>{LocalApplicationData}/PartnerReferrals/emulator.json</c>.
/// </summary>
public static class EmulatorPaths
{
    /// <summary>The environment variable that overrides where emulator.json is published.</summary>
    public const string PublishFileVariable = "PARTNERREFERRALS_EMULATOR_FILE";

    /// <summary>The folder under LocalApplicationData that holds the module's and the emulator's files.</summary>
    public static string DataFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "PartnerReferrals");

    /// <summary>Where the running emulator publishes its address, authority and certificate thumbprint.</summary>
    public static string PublishFile =>
        Environment.GetEnvironmentVariable(PublishFileVariable) is { Length: > 0 } custom ? custom : Path.Combine(DataFolder, "emulator.json");

    /// <summary>Where the command-line emulator keeps its certificate between runs, so a pinned thumbprint stays valid.</summary>
    public static string CertificateFile => Path.Combine(DataFolder, "emulator", "emulator.pfx");
}
