using PartnerReferrals.Engine.Export;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Export;

public class ReferralCsvWriterTests
{
    private static string Line(Referral row)
    {
        using var bytes = new MemoryStream();
        var writer = new ReferralCsvWriter(bytes, "\r\n");
        writer.Write(row);
        writer.Flush();
        return new System.Text.UTF8Encoding(false, true).GetString(bytes.ToArray());
    }

    [Fact]
    public void Every_value_is_quoted_inner_quotes_doubled_and_a_null_left_empty()
    {
        var line = Line(new Referral { Id = "a\"b", Status = "Won", CustomerName = "x, \"y\"\nz", CustomerMarket = string.Empty });

        Assert.StartsWith("\"a\"\"b\",\"Won\",\"x, \"\"y\"\"\nz\",\"\",,,", line, StringComparison.Ordinal);
        Assert.EndsWith(",,,,,\r\n", line, StringComparison.Ordinal);
        Assert.Equal(ReferralCsvWriter.Columns.Length - 1, line.Count(c => c == ',') - 1);
    }

    [Fact]
    public void Text_beyond_ASCII_is_UTF_8_and_a_lone_surrogate_becomes_the_replacement_character()
    {
        var line = Line(new Referral { Id = "é日本\U0001F600\"", Status = "a\ud800b" });

        Assert.StartsWith("\"é日本\U0001F600\"\"\",\"a\uFFFDb\",", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_longer_than_the_buffer_is_written_whole()
    {
        var name = new string('x', 200_000) + "\"";
        var line = Line(new Referral { CustomerName = name });

        Assert.Equal(",,\"" + name + "\"\",", line.Substring(0, name.Length + 6));
    }

    [Fact]
    public void Dates_are_ISO_8601_UTC_with_a_fraction_only_when_there_is_one()
    {
        Assert.Equal("2018-02-07T23:43:19Z", ReferralCsvWriter.FormatDate(new DateTime(2018, 2, 7, 23, 43, 19, DateTimeKind.Utc)));
        Assert.Equal("2018-02-07T23:43:19.25Z", ReferralCsvWriter.FormatDate(new DateTime(2018, 2, 7, 23, 43, 19, 250, DateTimeKind.Utc)));
        Assert.Equal("0001-01-01T00:00:00.0000001Z", ReferralCsvWriter.FormatDate(new DateTime(1, DateTimeKind.Utc)));
        var local = new DateTime(2018, 2, 7, 23, 43, 19, DateTimeKind.Utc).ToLocalTime();
        Assert.Equal("2018-02-07T23:43:19Z", ReferralCsvWriter.FormatDate(local));
    }

    [Fact]
    public void The_header_names_the_Referral_properties_in_declaration_order()
    {
        var properties = typeof(Referral).GetProperties().Select(p => p.Name);
        Assert.Equal(properties, ReferralCsvWriter.Columns);
        Assert.StartsWith("\"Id\",\"Status\",", ReferralCsvWriter.HeaderText, StringComparison.Ordinal);
    }
}
