using System.Globalization;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Insights;

public class InsightAccumulatorTests
{
    private static readonly List<Referral> Rows = HeldOutReferrals.Create(6000, seed: 2026);

    [Fact]
    public void Ungrouped_figures_equal_an_independent_computation_over_the_rows()
    {
        var measure = Assert.Single(InsightOperations.MeasureAll(Rows, InsightGrouping.None));
        Assert.Equal(string.Empty, measure.GroupBy);
        Assert.Equal("(all)", measure.Group);
        IndependentFigures.AssertEqual(IndependentFigures.Of(Rows), measure, "(all)");
        // The held-out set has every kind of bad date, so the counters below are exercised, not zero by luck.
        Assert.True(measure.AcknowledgeMissingDates > 0 && measure.AcknowledgeOutOfOrder > 0 && measure.CloseMissingDates > 0 && measure.CloseOutOfOrder > 0);
        Assert.Equal(Rows.Where(r => r.CreatedDate.HasValue).Min(r => r.CreatedDate), measure.FirstCreated);
        Assert.Equal(Rows.Where(r => r.CreatedDate.HasValue).Max(r => r.CreatedDate), measure.LastCreated);
    }

    [Theory]
    [InlineData("customerMarket")]
    [InlineData("status")]
    [InlineData("customerOrgSize,createdMonth")]
    [InlineData("partnerMarket,status,createdWeek")]
    [InlineData("createdDay")]
    public void Grouped_figures_equal_an_independent_computation_per_group(string groupBy)
    {
        var grouping = InsightGrouping.Parse([groupBy]);
        var measures = InsightOperations.MeasureAll(Rows, grouping);
        var names = groupBy.Split(',');
        var expected = Rows.GroupBy(r => IndependentKey(r, names)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, measures.Count);
        foreach (var measure in measures)
        {
            var key = MeasureKey(measure, names);
            Assert.True(expected.ContainsKey(key), "no rows for group " + key);
            Assert.Equal(groupBy, measure.GroupBy);
            IndependentFigures.AssertEqual(IndependentFigures.Of(expected[key]), measure, key);
        }
    }

    [Fact]
    public void Weeks_start_on_Monday_and_months_on_the_first()
    {
        var sunday = new DateTime(2024, 1, 7, 23, 0, 0, DateTimeKind.Utc);
        var monday = new DateTime(2024, 1, 8, 1, 0, 0, DateTimeKind.Utc);
        var rows = new[] { new Referral { CreatedDate = sunday }, new Referral { CreatedDate = monday } };
        var weeks = InsightOperations.MeasureAll(rows, InsightGrouping.Parse(["createdWeek"]));
        Assert.Equal([new DateTime(2024, 1, 1), new DateTime(2024, 1, 8)], weeks.Select(w => w.CreatedPeriod!.Value));
        Assert.All(weeks, w => Assert.Equal("Week", w.Interval));
        Assert.Equal(["2024-01-01", "2024-01-08"], weeks.Select(w => w.Group));
        var month = Assert.Single(InsightOperations.MeasureAll(rows, InsightGrouping.Parse(["createdMonth"])));
        Assert.Equal(new DateTime(2024, 1, 1), month.CreatedPeriod);
        Assert.Equal(DateTimeKind.Utc, month.CreatedPeriod!.Value.Kind);
    }

    [Fact]
    public void Median_and_90th_percentile_interpolate_between_ranks_and_bad_rows_are_counted_not_averaged()
    {
        var t = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = new List<Referral>();
        foreach (var hours in new[] { 4, 1, 3, 2 })
        {
            rows.Add(new Referral { Status = "Acknowledged", CreatedDate = t, AcknowledgedDate = t.AddHours(hours) });
        }

        rows.Add(new Referral { Status = "Acknowledged", CreatedDate = t });
        rows.Add(new Referral { Status = "Acknowledged", CreatedDate = t, AcknowledgedDate = t.AddHours(-500) });
        rows.Add(new Referral { Status = "Created", CreatedDate = t });

        var m = Assert.Single(InsightOperations.MeasureAll(rows, InsightGrouping.None));
        Assert.Equal(7, m.Created);
        Assert.Equal(6, m.Acknowledged);
        Assert.Equal(4, m.AcknowledgeMeasured);
        Assert.Equal(1, m.AcknowledgeMissingDates);
        Assert.Equal(1, m.AcknowledgeOutOfOrder);
        Assert.Equal(2.5, m.AcknowledgeMedianHours!.Value, 9);
        Assert.Equal(3.7, m.AcknowledgeP90Hours!.Value, 9);
        Assert.Equal(2.5, m.AcknowledgeMeanHours!.Value, 9);
        Assert.Null(m.AcceptMedianHours);
        Assert.Null(m.AcceptRate is 0 ? null : m.WinRateOfAccepted);
        Assert.Equal(0, m.AcceptMeasured);
    }

    [Fact]
    public void Terms_group_ignoring_case_under_the_first_spelling()
    {
        var rows = new[] { new Referral { CustomerMarket = "US" }, new Referral { CustomerMarket = "us" }, new Referral { CustomerMarket = null } };
        var measures = InsightOperations.MeasureAll(rows, InsightGrouping.Parse(["CUSTOMERMARKET"]));
        Assert.Equal(2, measures.Count);
        Assert.Contains(measures, m => m.CustomerMarket == "US" && m.Created == 2 && m.Group == "US");
        Assert.Contains(measures, m => m.CustomerMarket == null && m.Created == 1 && m.Group == "(none)");
    }

    [Fact]
    public void An_unknown_group_by_field_names_the_parameter_and_the_valid_fields()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => InsightGrouping.Parse(["customerMarket", "colour"]));
        Assert.Equal("PartnerReferrals.Insights.UnknownGroupBy", error.ErrorId);
        Assert.Equal("GroupBy", error.ParameterName);
        Assert.Equal("colour", error.Target);
        Assert.Contains("createdMonth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_created_date_buckets_are_refused()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => InsightGrouping.Parse(["createdDay,createdMonth"]));
        Assert.Equal("PartnerReferrals.Insights.SeveralDateBuckets", error.ErrorId);
        Assert.Equal("GroupBy", error.ParameterName);
    }

    [Fact]
    public void An_empty_input_gives_one_row_of_zeros_when_ungrouped_and_nothing_when_grouped()
    {
        var all = Assert.Single(InsightOperations.MeasureAll([], InsightGrouping.None));
        Assert.Equal(0, all.Created);
        Assert.Null(all.AcknowledgeRate);
        Assert.Empty(InsightOperations.MeasureAll([], InsightGrouping.Parse(["status"])));
    }

    [Theory]
    [InlineData("2018-02-07 23:43:19")]
    [InlineData("2018-02-07T23:43:19")]
    [InlineData("2018-02-07T23:43:19Z")]
    [InlineData("2018-02-08T00:43:19+01:00")]
    public void Csv_dates_are_read_as_UTC_in_ISO_formats_whatever_the_culture(string text)
    {
        var referral = ReferralInput.FromProperties(name => name == "CreatedDate" ? text : name == "Status" ? "Won" : "");
        Assert.Equal(new DateTime(2018, 2, 7, 23, 43, 19, DateTimeKind.Utc), referral.CreatedDate);
        Assert.Equal(DateTimeKind.Utc, referral.CreatedDate!.Value.Kind);
        Assert.Equal("Won", referral.Status);
        Assert.Null(referral.WonDate);
        Assert.Null(referral.CustomerMarket);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("de-DE")]
    [InlineData("th-TH")]
    public void Iso_dates_read_the_same_in_every_culture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(new DateTime(2018, 2, 7, 23, 43, 19, DateTimeKind.Utc), ReferralInput.FromProperties(name => name == "CreatedDate" ? "2018-02-07T23:43:19Z" : null).CreatedDate);
            Assert.Equal(new DateTime(2018, 2, 7, 0, 0, 0, DateTimeKind.Utc), ReferralInput.FromProperties(name => name == "WonDate" ? "2018-02-07" : null).WonDate);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("en-GB", "07/02/2018 23:43:19")]
    [InlineData("en-GB", "13/02/2018 23:43:19")]
    [InlineData("de-DE", "07.02.2018 23:43:19")]
    [InlineData("en-GB", "02/07/2018 23:43:19")]
    public void A_date_the_current_culture_reads_otherwise_than_PowerShell_is_refused_naming_the_column(string culture, string text)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // Export-Csv writes the culture's own format: 07/02 is the 7th of February in en-GB, the 2nd of July to [datetime].
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            var error = Assert.Throws<PartnerReferralsException>(() => ReferralInput.FromProperties(name => name == "AcceptedDate" ? text : null));
            Assert.Equal("PartnerReferrals.Input.CultureDate", error.ErrorId);
            Assert.Contains("AcceptedDate '" + text + "'", error.Message, StringComparison.Ordinal);
            Assert.Contains(culture, error.Message, StringComparison.Ordinal);
            Assert.Contains("Export-PartnerReferral", error.RecommendedAction, StringComparison.Ordinal);
            Assert.False(global::PartnerReferrals.Engine.Hosting.ErrorScope.ConcernsOneInput(error), "every row of the file repeats the format");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Invariant_text_dates_read_as_a_PowerShell_cast_reads_them_where_the_culture_agrees()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", string.Empty })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.Equal(new DateTime(2018, 7, 2, 23, 43, 19, DateTimeKind.Utc), ReferralInput.FromProperties(name => name == "CreatedDate" ? "07/02/2018 23:43:19" : null).CreatedDate);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_an_error_naming_the_column_and_the_value()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => ReferralInput.FromProperties(name => name == "WonDate" ? "next tuesday" : null));
        Assert.Equal("PartnerReferrals.Insights.InvalidDate", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("WonDate", error.Message, StringComparison.Ordinal);
        Assert.Contains("next tuesday", error.Message, StringComparison.Ordinal);
    }

    internal static string IndependentKey(Referral r, IEnumerable<string> names) => string.Join("|", names.Select(name => name switch
    {
        "customerMarket" => r.CustomerMarket?.ToUpperInvariant() ?? "<null>",
        "partnerMarket" => r.PartnerMarket?.ToUpperInvariant() ?? "<null>",
        "customerOrgSize" => r.CustomerOrgSize?.ToUpperInvariant() ?? "<null>",
        "status" => r.Status?.ToUpperInvariant() ?? "<null>",
        "createdDay" => r.CreatedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "<null>",
        // ISO weeks start on Monday: the Monday on or before the date.
        "createdWeek" => r.CreatedDate is { } d ? d.Date.AddDays(d.DayOfWeek == DayOfWeek.Sunday ? -6 : 1 - (int)d.DayOfWeek).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "<null>",
        "createdMonth" => r.CreatedDate?.ToString("yyyy-MM-01", CultureInfo.InvariantCulture) ?? "<null>",
        _ => throw new ArgumentException("No independent key for " + name, nameof(names)),
    }));

    internal static string MeasureKey(ReferralMeasure m, IEnumerable<string> names) => string.Join("|", names.Select(name => name switch
    {
        "customerMarket" => m.CustomerMarket?.ToUpperInvariant() ?? "<null>",
        "partnerMarket" => m.PartnerMarket?.ToUpperInvariant() ?? "<null>",
        "customerOrgSize" => m.CustomerOrgSize?.ToUpperInvariant() ?? "<null>",
        "status" => m.Status?.ToUpperInvariant() ?? "<null>",
        _ => m.CreatedPeriod?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "<null>",
    }));
}
