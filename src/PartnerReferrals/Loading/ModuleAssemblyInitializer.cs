using System.Management.Automation;

namespace PartnerReferrals.Commands.Loading;

/// <summary>
/// Runs when Import-Module loads PartnerReferrals.dll, before PowerShell reads the cmdlets, and teaches the
/// session where the engine is: <c>dependencies/</c>. Nothing in this class (or in <see cref="DependencyLoader"/>)
/// may name an engine type: the engine cannot load until the hook below is in place.
/// </summary>
public sealed class ModuleAssemblyInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => DependencyLoader.Install();

    /// <summary>
    /// Remove-Module unhooks the resolver. Loaded assemblies stay (neither .NET can unload them here), and a later
    /// Import-Module in the same session hooks the same load context again.
    /// </summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => DependencyLoader.Uninstall();
}
