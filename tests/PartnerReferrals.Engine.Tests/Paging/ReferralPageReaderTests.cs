using System.Text;
using System.Text.Json;
using PartnerReferrals.Engine.Paging;

namespace PartnerReferrals.Engine.Tests.Paging;

public class ReferralPageReaderTests
{
    private static Page<Models.Referral> Read(string json) => ReferralPageReader.ReadReferrals(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void The_documented_row_parses_with_utc_dates_and_nulls()
    {
        var page = Read("""
            {"Value":[{"id":"112310","status":"Accepted","customerMarket":"US","customerName":"Best Customer Ever",
             "customerOrgSize":"10to50employees","acceptedDate":"2018-02-07T23:43:19","acknowledgedDate":"2018-02-07T23:40:50",
             "archivedDate":null,"declinedDate":null,"expiredDate":null,"lostDate":null,"missedDate":null,
             "createdDate":"2018-02-04T23:08:59","skippedDate":null,"wonDate":null,"partnerMarket":"US"}],
             "@nextLink":"referrals?top=1&skip=1","TotalCount":1234}
            """);

        var row = Assert.Single(page.Rows);
        Assert.Equal("112310", row.Id);
        Assert.Equal("Accepted", row.Status);
        Assert.Equal("Best Customer Ever", row.CustomerName);
        Assert.Equal("10to50employees", row.CustomerOrgSize);
        Assert.Equal("US", row.PartnerMarket);
        Assert.Equal(new DateTime(2018, 2, 7, 23, 43, 19, DateTimeKind.Utc), row.AcceptedDate);
        Assert.Equal(DateTimeKind.Utc, row.AcceptedDate!.Value.Kind);
        Assert.Null(row.WonDate);
        Assert.Equal(1234, page.TotalCount);
        Assert.Equal("referrals?top=1&skip=1", page.NextLink);
    }

    [Fact]
    public void Property_names_in_any_case_and_odata_next_link_are_understood()
    {
        var page = Read("""{"value":[{"ID":"1","STATUS":"Won","CreatedDate":"2024-01-01T00:00:00Z"}],"totalcount":"63","@odata.nextLink":"https://api.test/x"}""");

        Assert.Equal("1", page.Rows[0].Id);
        Assert.Equal("Won", page.Rows[0].Status);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), page.Rows[0].CreatedDate);
        Assert.Equal(63, page.TotalCount);
        Assert.Equal("https://api.test/x", page.NextLink);
    }

    [Fact]
    public void A_bare_array_without_envelope_is_a_page()
    {
        var page = Read("""[{"id":"1"},{"id":"2"}]""");
        Assert.Equal(["1", "2"], page.Rows.Select(r => r.Id));
        Assert.Null(page.TotalCount);
        Assert.Null(page.NextLink);
    }

    [Fact]
    public void Unknown_properties_of_any_shape_are_ignored_and_numbers_become_text()
    {
        var page = Read("""{"meta":{"a":[1,2,{"b":null}]},"Value":[{"id":112310,"extra":{"x":1},"tags":["a"],"status":true}],"TotalCount":1}""");
        Assert.Equal("112310", page.Rows[0].Id);
        Assert.Equal("true", page.Rows[0].Status);
    }

    [Theory]
    [InlineData("\"0001-01-01T00:00:00\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    [InlineData("\"2024-03-04T05:06:07\"", "2024-03-04T05:06:07")]
    [InlineData("\"2024-03-04T05:06:07Z\"", "2024-03-04T05:06:07")]
    [InlineData("\"2024-03-04T07:06:07+02:00\"", "2024-03-04T05:06:07")]
    [InlineData("\"2024-03-04T05:06:07.1234567\"", "2024-03-04T05:06:07.1234567")]
    [InlineData("\"2024-03-04\"", "2024-03-04T00:00:00")]
    public void Dates_with_or_without_zone_become_utc_and_the_zero_date_is_null(string json, string? expected)
    {
        var date = Read("[{\"createdDate\":" + json + "}]").Rows[0].CreatedDate;
        if (expected is null)
        {
            Assert.Null(date);
        }
        else
        {
            Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), date);
            Assert.Equal(DateTimeKind.Utc, date!.Value.Kind);
        }
    }

    [Fact]
    public void Grouped_rows_carry_their_count_as_string_or_number()
    {
        var page = ReferralPageReader.ReadGroups(
            Encoding.UTF8.GetBytes("""{"Value":[{"status":"Won","createdDate":"2024-01-01T00:00:00","referralCount":"63"},{"Status":"Lost","ReferralCount":7}],"TotalCount":2}"""),
            "status,createdDate",
            "Month");

        Assert.Equal(63, page.Rows[0].ReferralCount);
        Assert.Equal("Won", page.Rows[0].Value("Status"));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), page.Rows[0].Value("CreatedDate"));
        Assert.Equal("status,createdDate", page.Rows[0].GroupBy);
        Assert.Equal("Month", page.Rows[0].Value("AggregationLevel"));
        Assert.Equal(7, page.Rows[1].ReferralCount);
        Assert.Equal(["Status", "CreatedDate", "AggregationLevel"], page.Rows[1].GroupedValues().Select(v => v.Key));
        Assert.Equal("Lost", page.Rows[1].Value("status"));
        Assert.Null(page.Rows[1].Value("CreatedDate"));
    }

    [Fact]
    public void A_sibling_style_count_name_is_accepted_when_referral_count_is_missing()
    {
        var page = ReferralPageReader.ReadGroups(Encoding.UTF8.GetBytes("""[{"status":"Won","count":"5"}]"""), "status", null);
        Assert.Equal(5, page.Rows[0].ReferralCount);
    }

    [Theory]
    [InlineData("<html>Proxy login</html>")]
    [InlineData("{\"Value\":[1,2]}")]
    [InlineData("{\"Value\":{\"id\":\"1\"}}")]
    [InlineData("{\"Value\":[]} trailing")]
    public void Malformed_bodies_throw_json_exceptions(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json));
    }

    [Fact]
    public void A_body_cut_short_is_reported_as_truncated_not_malformed()
    {
        Assert.ThrowsAny<Exception>(() => Read("{\"Value\":[{\"id\":\"1\"},{\"id\":\"2"));
        Assert.IsType<TruncatedJsonException>(Record.Exception(() => Read("{\"Value\":[{\"id\":\"1\"},{\"id\":\"2")));
        Assert.IsNotType<TruncatedJsonException>(Record.Exception(() => Read("{\"Value\":[}")));
    }

    [Fact]
    public void A_full_page_fills_one_row_list_sized_below_the_large_object_heap()
    {
        var rows = string.Join(",", Enumerable.Range(0, ReferralPageReader.MaxPresizedRows).Select(i => "{\"id\":\"" + i + "\"}"));
        var page = ReferralPageReader.ReadReferrals(Encoding.UTF8.GetBytes("{\"value\":[" + rows + "]}"), expectedRows: 10_000);

        Assert.Equal(10_000, page.Rows.Count);
        // Grown by doubling, the list would have ended at 16,384 slots (131 KB, a large-object allocation per page).
        Assert.Equal(10_000, page.Rows.Capacity);
        Assert.True(page.Rows.Capacity * IntPtr.Size < 85_000);

        // A top beyond the API's limit is not trusted to size the list: only the rows that come decide.
        var small = ReferralPageReader.ReadReferrals(Encoding.UTF8.GetBytes("[{\"id\":\"1\"}]"), expectedRows: 1_000_000);
        Assert.Single(small.Rows);
        Assert.True(small.Rows.Capacity <= ReferralPageReader.MaxPresizedRows);
    }
}
