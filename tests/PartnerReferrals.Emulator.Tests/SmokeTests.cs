using System.Net;

namespace PartnerReferrals.Emulator.Tests;

public class SmokeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_signed_in_request_returns_the_documented_envelope()
    {
        var (status, body) = await fixture.GetJsonAsync(EmulatorHttp.ReferralsUrl(("top", "3")));
        Assert.Equal((int)HttpStatusCode.OK, status);
        Assert.Equal(3, body.GetProperty("Value").GetArrayLength());
        Assert.Equal(5000, body.GetProperty("TotalCount").GetInt32());
        Assert.Equal("referrals?top=3&skip=3", body.GetProperty("@nextLink").GetString());
    }
}
