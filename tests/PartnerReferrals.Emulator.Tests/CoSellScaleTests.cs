namespace PartnerReferrals.Emulator.Tests;

/// <summary>The size issue 20 pulls in its streaming test: 10,000 referrals through next links, each once.</summary>
public class CoSellScaleTests
{
    [Fact]
    public async Task Ten_thousand_referrals_come_through_one_hundred_pages_each_once()
    {
        var fixture = new TenThousand();
        await fixture.InitializeAsync();
        try
        {
            var (items, pages) = await fixture.ListAllAsync(CoSellFixture.List(string.Empty));

            Assert.Equal(100, pages);
            Assert.Equal(10_000, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private sealed class TenThousand : CoSellFixture
    {
        protected override EmulatorOptions Options => new() { ReferralCount = 1, CoSellReferralCount = 10_000 };
    }
}
