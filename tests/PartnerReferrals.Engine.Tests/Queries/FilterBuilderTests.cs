using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Tests.Queries;

public class FilterBuilderTests
{
    [Fact]
    public void Several_values_of_one_field_are_ored_in_parentheses_and_fields_anded()
    {
        var filter = new ReferralFilter();
        filter.Status.Add("Accepted");
        filter.Status.Add("Won");
        filter.CustomerMarket.Add("US");
        Assert.Equal("(status eq 'Accepted' or status eq 'Won') and customerMarket eq 'US'", FilterBuilder.Build(filter));
    }

    [Fact]
    public void Quotes_are_doubled_and_unicode_is_kept()
    {
        var filter = new ReferralFilter { CustomerNameContains = "O'Brien & Søn 株式会社" };
        Assert.Equal("contains(customerName,'O''Brien & Søn 株式会社')", FilterBuilder.Build(filter));
    }

    [Fact]
    public void Date_bounds_use_casts_in_utc_with_inclusive_lower_and_exclusive_upper()
    {
        var filter = new ReferralFilter
        {
            After = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            Before = new DateTime(2024, 2, 1, 12, 30, 15, 500, DateTimeKind.Utc),
            DateField = "acceptedDate",
        };
        Assert.Equal(
            "acceptedDate ge cast('2024-01-01T00:00:00Z', Edm.DateTimeOffset) and acceptedDate lt cast('2024-02-01T12:30:15.5Z', Edm.DateTimeOffset)",
            FilterBuilder.Build(filter));
    }

    [Fact]
    public void Local_dates_are_converted_to_utc()
    {
        var local = new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Local);
        var expected = local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("createdDate ge cast('" + expected + "', Edm.DateTimeOffset)", FilterBuilder.Build(new ReferralFilter { After = local }));
    }

    [Fact]
    public void Date_field_must_be_a_date()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => FilterBuilder.Build(new ReferralFilter { After = DateTime.UtcNow, DateField = "status" }));
        Assert.Equal("PartnerReferrals.Query.InvalidDateField", error.ErrorId);
        Assert.Equal("DateField", error.ParameterName);
        Assert.Contains("wonDate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_date_range_is_rejected()
    {
        var day = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var error = Assert.Throws<PartnerReferralsException>(() => FilterBuilder.Build(new ReferralFilter { After = day, Before = day }));
        Assert.Equal("Before", error.ParameterName);
    }

    [Fact]
    public void Raw_filter_is_parenthesised_and_anded()
    {
        var filter = new ReferralFilter { RawFilter = "status eq 'Won' or status eq 'Lost'" };
        filter.PartnerMarket.Add("DE");
        Assert.Equal("partnerMarket eq 'DE' and (status eq 'Won' or status eq 'Lost')", FilterBuilder.Build(filter));
    }

    [Fact]
    public void Nothing_to_filter_gives_null()
    {
        Assert.Null(FilterBuilder.Build(new ReferralFilter()));
    }

    [Theory]
    [InlineData("status eq 'Won", "InvalidFilterSyntax", "position 11")]
    [InlineData("(status eq 'Won'", "InvalidFilterSyntax", "position 1")]
    [InlineData("status eq 'Won')", "InvalidFilterSyntax", "position 16")]
    [InlineData("stat eq 'Won'", "UnknownField", "position 1")]
    [InlineData("status gt 'Won'", "UnsupportedOperator", "gt")]
    [InlineData("contains(status,'W')", "UnsupportedOperator", "contains")]
    [InlineData("startswith(customerName,'W')", "InvalidFilterSyntax", "startswith")]
    [InlineData("status eq Won", "UnknownField", "value without quotes")]
    [InlineData("status == 'Won'", "InvalidFilterSyntax", "write eq")]
    [InlineData("status <> 'Won'", "InvalidFilterSyntax", "write ne")]
    [InlineData("createdDate < '2024-01-01'", "InvalidFilterSyntax", "write lt")]
    [InlineData("status eq 'Won' || status eq 'Lost'", "InvalidFilterSyntax", "write or")]
    [InlineData("status eq \"Won\"", "InvalidFilterSyntax", "single quotes")]
    [InlineData("status eq 'Won' ; status eq 'Lost'", "InvalidFilterSyntax", "';' is not part")]
    public void Raw_filter_mistakes_fail_before_any_request(string raw, string id, string mentioned)
    {
        var error = Assert.Throws<PartnerReferralsException>(() => FilterBuilder.Build(new ReferralFilter { RawFilter = raw }));
        Assert.Equal("PartnerReferrals.Query." + id, error.ErrorId);
        Assert.Equal("Filter", error.ParameterName);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status eq 'O''Brien''s (x)' and createdDate ge cast('2024-01-01', Edm.DateTimeOffset)")]
    [InlineData("contains(CUSTOMERNAME,'x') or acceptedDate eq null")]
    [InlineData("createdDate ge 2024-01-01T00:00:00Z")]
    public void Valid_raw_filters_pass(string raw)
    {
        Assert.Equal("(" + raw + ")", FilterBuilder.Build(new ReferralFilter { RawFilter = raw }));
    }

    [Fact]
    public void Ids_are_ored_and_come_first()
    {
        var filter = new ReferralFilter();
        filter.Id.Add("100003");
        filter.Id.Add("100007");
        filter.Status.Add("Won");
        Assert.Equal("(id eq '100003' or id eq '100007') and status eq 'Won'", FilterBuilder.Build(filter));
    }

    [Fact]
    public void Changed_since_matches_any_lifecycle_date_at_or_after_the_time()
    {
        var filter = new ReferralFilter { ChangedSince = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc) };
        var text = FilterBuilder.Build(filter)!;
        foreach (var field in ReferralFields.DateFields)
        {
            Assert.Contains(field.Name + " ge cast('2024-05-01T00:00:00Z', Edm.DateTimeOffset)", text, StringComparison.Ordinal);
        }

        Assert.StartsWith("(createdDate ge", text, StringComparison.Ordinal);
        Assert.Equal(ReferralFields.DateFields.Count - 1, text.Split(" or ").Length - 1);
    }

    [Theory]
    [InlineData("status eq 'Won' andd wonDate ne null", "and")]
    [InlineData("stauts eq 'Won'", "status")]
    [InlineData("status eq 'Won' and customerMarkt eq 'US'", "customerMarket")]
    public void A_word_one_typo_away_from_a_field_or_a_word_of_the_grammar_is_suggested(string raw, string suggested)
    {
        var error = Assert.Throws<PartnerReferralsException>(() => FilterBuilder.Build(new ReferralFilter { RawFilter = raw }));
        Assert.StartsWith("Did you mean '" + suggested + "'? ", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_far_from_every_name_gets_no_guess_but_the_list()
    {
        var error = Assert.Throws<PartnerReferralsException>(() => FilterBuilder.Build(new ReferralFilter { RawFilter = "colour eq 'red'" }));
        Assert.DoesNotContain("Did you mean", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("customerMarket", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status like 'Won'", "like")]
    [InlineData("customerMarket in ('US')", "in")]
    public void A_word_where_an_operator_belongs_is_an_unsupported_operator_not_a_field(string raw, string word)
    {
        var error = Assert.Throws<PartnerReferralsException>(() => FilterBuilder.Build(new ReferralFilter { RawFilter = raw }));
        Assert.Equal("PartnerReferrals.Query.UnsupportedOperator", error.ErrorId);
        Assert.Equal(word, error.Target);
        Assert.Contains("eq, ne", error.RecommendedAction, StringComparison.Ordinal);
    }
}
