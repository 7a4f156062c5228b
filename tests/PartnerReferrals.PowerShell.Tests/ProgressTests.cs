using System.Management.Automation;
using PartnerReferrals.PowerShell.Tests.Support;

namespace PartnerReferrals.PowerShell.Tests;

/// <summary>The progress records a pull writes, as a host's progress bar receives them.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class ProgressTests : RunspaceTest
{
    public ProgressTests(ModuleFixture module)
        : base(module)
    {
        EnsureConnected();
    }

    [Fact]
    public void A_paged_pull_reports_one_activity_with_a_percentage_and_completes_it_at_the_end()
    {
        var result = Session.Run("$ProgressPreference = 'Continue'; Get-PartnerReferral -PageSize 50").AssertNoErrors();

        var progress = result.Progress;
        Assert.NotEmpty(progress);
        Assert.Single(progress.Select(p => p.ActivityId).Distinct());
        Assert.All(progress, p => Assert.False(string.IsNullOrWhiteSpace(p.Activity)));
        Assert.All(progress, p => Assert.InRange(p.PercentComplete, -1, 100));
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
        Assert.All(progress.Take(progress.Count - 1), p => Assert.Equal(ProgressRecordType.Processing, p.RecordType));
        // The total is known from the first page, so the bar shows a real percentage that only grows.
        var percents = progress.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.PercentComplete).ToList();
        Assert.Contains(percents, p => p > 0 && p < 100);
        Assert.Equal(percents.Order(), percents);
    }

    [Fact]
    public void ProgressPreference_SilentlyContinue_writes_no_progress()
    {
        var result = Session.Run("$ProgressPreference = 'SilentlyContinue'; Get-PartnerReferral -PageSize 50").AssertNoErrors();

        Assert.Empty(result.Progress);
        Assert.Equal(ModuleFixture.ReferralCount, result.Output.Count);
    }
}
