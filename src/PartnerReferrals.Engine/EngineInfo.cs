namespace PartnerReferrals.Engine;

/// <summary>Facts about the engine build that other layers (User-Agent, manifest checks) read.</summary>
public static class EngineInfo
{
    /// <summary>The module version, taken from the assembly so that it has one source: Directory.Build.props.</summary>
    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
