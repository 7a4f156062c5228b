namespace PartnerReferrals.Engine.Tests;

public class EngineInfoTests
{
    [Fact]
    public void Version_comes_from_the_shared_build_properties()
    {
        var expected = System.Xml.Linq.XDocument.Load(RepoPaths.Combine("Directory.Build.props"))
            .Descendants("Version").Single().Value;
        Assert.Equal(expected, EngineInfo.Version);
    }
}
