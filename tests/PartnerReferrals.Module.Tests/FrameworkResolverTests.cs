using System.Reflection;
using PartnerReferrals.Commands.Loading;
using PartnerReferrals.Module.Tests.Support;

namespace PartnerReferrals.Module.Tests;

/// <summary>
/// The Windows PowerShell 5.1 resolver's decisions (no .NET Framework here to run it for real): it answers for the
/// engine, and for the engine's dependencies when we asked, with a copy at least as new as the one asked for.
/// </summary>
public class FrameworkResolverTests
{
    private static readonly string Dependencies = PackagedModule.Current.DependencyDirectory;
    private static readonly FrameworkAssemblyResolver Resolver = new(Dependencies);

    private static string Msal => Path.Combine(Dependencies, "Microsoft.Identity.Client.dll");

    private static Version MsalVersion => AssemblyName.GetAssemblyName(Msal).Version!;

    private static Assembly Foreign => typeof(Xunit.Assert).Assembly;

    [Fact]
    public void The_engine_is_answered_whoever_asks()
    {
        Assert.Equal(Path.Combine(Dependencies, "PartnerReferrals.Engine.dll"), Resolver.FileToLoad("PartnerReferrals.Engine, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", Foreign));
    }

    [Fact]
    public void A_dependency_is_answered_for_an_unknown_requester_with_the_same_or_an_older_version_asked()
    {
        Assert.Equal(Msal, Resolver.FileToLoad($"Microsoft.Identity.Client, Version={MsalVersion}", requester: null));
        Assert.Equal(Msal, Resolver.FileToLoad("Microsoft.Identity.Client, Version=4.0.0.0", requester: null));
    }

    [Fact]
    public void A_newer_version_than_ours_is_never_answered()
    {
        var newer = new Version(MsalVersion.Major + 1, 0, 0, 0);
        Assert.Null(Resolver.FileToLoad($"Microsoft.Identity.Client, Version={newer}", requester: null));
    }

    [Fact]
    public void Another_modules_request_for_a_library_we_ship_is_not_ours_to_answer()
    {
        Assert.Null(Resolver.FileToLoad($"Microsoft.Identity.Client, Version={MsalVersion}", Foreign));
    }

    [Fact]
    public void Names_we_do_not_ship_are_left_alone()
    {
        Assert.Null(Resolver.FileToLoad("Newtonsoft.Json, Version=13.0.0.0", requester: null));
        Assert.Null(Resolver.FileToLoad("Microsoft.Identity.Client.resources, Version=4.0.0.0, Culture=de", requester: null));
    }
}
