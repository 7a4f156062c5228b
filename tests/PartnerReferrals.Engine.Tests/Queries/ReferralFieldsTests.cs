using System.Globalization;
using System.Text;
using PartnerReferrals.Engine.Export;
using PartnerReferrals.Engine.Insights;
using PartnerReferrals.Engine.Paging;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Engine.Tests.Queries;

/// <summary>
/// The field catalogue is the one description of a referral: every reader and writer of fields must agree with it,
/// field by field, including the hand-written fast paths (the JSON row reader and the CSV writer).
/// </summary>
public class ReferralFieldsTests
{
    private static readonly DateTime Start = new(2024, 3, 1, 10, 42, 54, DateTimeKind.Utc);

    /// <summary>A referral whose every field holds a value of its own, set through the catalogue.</summary>
    private static Referral Distinct()
    {
        var referral = new Referral();
        for (var i = 0; i < ReferralFields.All.Count; i++)
        {
            var field = ReferralFields.All[i];
            if (field.Kind == ReferralFieldKind.Date)
            {
                field.SetDate(referral, Start.AddDays(i).AddSeconds(i));
            }
            else
            {
                field.SetText(referral, field.Property + "-" + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        return referral;
    }

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    [Fact]
    public void The_catalogue_is_the_Referral_type_property_by_property_in_declaration_order()
    {
        var properties = typeof(Referral).GetProperties();

        Assert.Equal(16, ReferralFields.All.Count);
        Assert.Equal(properties.Select(p => p.Name), ReferralFields.All.Select(f => f.Property));
        Assert.All(ReferralFields.All.Zip(properties), pair =>
        {
            Assert.Equal(pair.First.Kind == ReferralFieldKind.Date ? typeof(DateTime?) : typeof(string), pair.Second.PropertyType);
            Assert.Equal(pair.First.Property, char.ToUpperInvariant(pair.First.Name[0]) + pair.First.Name[1..]);
        });
    }

    [Fact]
    public void Each_fields_accessors_read_and_set_its_own_property()
    {
        var referral = Distinct();

        foreach (var (field, property) in ReferralFields.All.Zip(typeof(Referral).GetProperties()))
        {
            Assert.Equal(property.GetValue(referral), field.ValueOf(referral));
        }
    }

    [Fact]
    public void The_row_reader_binds_every_field_whatever_the_order_of_the_properties_and_rows_that_change_it()
    {
        var expected = Distinct();
        var pairs = ReferralFields.All.Select(f => "\"" + f.Name + "\":\"" + (f.Kind == ReferralFieldKind.Date ? Iso(f.DateOf(expected)!.Value) : f.TextOf(expected)) + "\"").ToList();
        var reversed = Enumerable.Reverse(pairs).ToList();
        // The first row teaches the reader an order; the second breaks it, with an unknown property in between.
        var json = "[{" + string.Join(",", pairs) + "},{" + string.Join(",", reversed.Take(5).Append("\"colour\":\"red\"").Concat(reversed.Skip(5))) + "}]";

        var rows = ReferralPageReader.ReadReferrals(Encoding.UTF8.GetBytes(json)).Rows;

        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.All(ReferralFields.All, f => Assert.Equal(f.ValueOf(expected), f.ValueOf(row)));
        }
    }

    [Fact]
    public void The_csv_writer_writes_every_field_under_its_own_column()
    {
        var referral = Distinct();
        using var bytes = new MemoryStream();
        var writer = new ReferralCsvWriter(bytes, "\n");
        writer.WriteHeader();
        writer.Write(referral);
        writer.Flush();

        var lines = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n');
        var header = lines[0].Split(',').Select(c => c.Trim('"')).ToList();
        var cells = lines[1].Split(',').Select(c => c.Trim('"')).ToList();

        Assert.Equal(ReferralFields.All.Select(f => f.Property), header);
        foreach (var (field, cell) in ReferralFields.All.Zip(cells))
        {
            Assert.Equal(field.Kind == ReferralFieldKind.Date ? Iso(field.DateOf(referral)!.Value) + "Z" : field.TextOf(referral), cell);
        }
    }

    [Fact]
    public void A_piped_object_or_csv_row_is_read_by_each_fields_property_name()
    {
        var expected = Distinct();
        var row = ReferralFields.All.ToDictionary(f => f.Property, f => (object?)(f.Kind == ReferralFieldKind.Date ? Iso(f.DateOf(expected)!.Value) + "Z" : f.TextOf(expected)));

        var read = ReferralInput.FromProperties(name => row.TryGetValue(name, out var value) ? value : null);

        Assert.All(ReferralFields.All, f => Assert.Equal(f.ValueOf(expected), f.ValueOf(read)));
    }

    [Fact]
    public void A_plain_piped_object_drills_down_by_every_field_with_a_typed_value_parameter_but_the_id()
    {
        var row = ReferralFields.ValueFilterFields.ToDictionary(f => f.Property, f => (object?)(f.Property + "!"));
        row.Remove("Id");

        var filter = InputRowFilter.Build(row);

        Assert.Equal(string.Join(" and ", ReferralFields.ValueFilterFields.Skip(1).Select(f => f.Name + " eq '" + f.Property + "!'")), filter);
        Assert.Equal(["Id", "Status", "CustomerMarket", "PartnerMarket", "CustomerOrgSize"], ReferralFields.ValueFilterFields.Select(f => f.Property));
    }

    [Fact]
    public void The_filter_builder_sends_each_typed_value_parameter_under_its_field()
    {
        var filter = new ReferralFilter();
        foreach (var field in ReferralFields.ValueFilterFields)
        {
            field.AnyOf!(filter).Add(field.Property + "1");
        }

        Assert.Equal(
            string.Join(" and ", ReferralFields.ValueFilterFields.Select(f => f.Name + " eq '" + f.Property + "1'")),
            FilterBuilder.Build(filter));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("customerName")]
    [InlineData("customerMarket")]
    [InlineData("partnerMarket")]
    [InlineData("customerOrgSize")]
    [InlineData("acknowledgedDate")]
    [InlineData("archivedDate")]
    public void A_grouped_row_holds_the_grouped_field_under_its_property_name_and_nothing_else(string name)
    {
        ReferralFields.TryGet(name, out var field);
        var value = field.Kind == ReferralFieldKind.Date ? "\"2024-03-01T00:00:00\"" : "\"x\"";
        var json = "[{\"id\":\"1\",\"status\":\"Won\",\"wonDate\":\"2024-01-01T00:00:00\",\"" + name + "\":" + value + ",\"referralCount\":4}]";

        var group = Assert.Single(ReferralPageReader.ReadGroups(Encoding.UTF8.GetBytes(json), name, "Month").Rows);

        var expected = field.Kind == ReferralFieldKind.Date ? new[] { field.Property, "AggregationLevel" } : [field.Property];
        Assert.Equal(expected, group.GroupedValues().Select(v => v.Key));
        Assert.Equal(field.Kind == ReferralFieldKind.Date ? new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc) : "x", group.Value(field.Property));
        Assert.Equal(4, group.ReferralCount);
    }

    [Theory]
    [InlineData("createdMonth", "createdDate", "Month")]
    [InlineData("CREATEDDAY", "createdDate", "Day")]
    [InlineData("wonWeek", "wonDate", "Week")]
    [InlineData("acknowledgedMonth", "acknowledgedDate", "Month")]
    [InlineData("status", "status", null)]
    [InlineData("createdDate", "createdDate", null)]
    public void A_date_bucket_is_named_by_its_field_and_level(string name, string field, string? level)
    {
        Assert.True(ReferralFields.TryGetGrouping(name, out var found, out var foundLevel));
        Assert.Equal(field, found.Name);
        Assert.Equal(level, foundLevel);
    }

    [Theory]
    [InlineData("statusMonth")]
    [InlineData("Month")]
    [InlineData("createdYear")]
    public void A_bucket_of_a_field_that_is_no_date_is_no_grouping(string name) =>
        Assert.False(ReferralFields.TryGetGrouping(name, out _, out _));

    [Fact]
    public void Every_date_has_a_bucket_name_per_level()
    {
        Assert.Equal(30, ReferralFields.BucketNames.Count);
        Assert.Contains("createdMonth", ReferralFields.BucketNames);
        Assert.Contains("archivedWeek", ReferralFields.BucketNames);
    }

    [Fact]
    public void Completion_values_are_the_fields_known_values()
    {
        Assert.Contains("Acknowledged", ReferralFields.All.Single(f => f.Name == "status").KnownValues);
        Assert.Equal(8, ReferralFields.All.Single(f => f.Name == "customerOrgSize").KnownValues.Count);
        Assert.Contains("DE", ReferralFields.All.Single(f => f.Name == "partnerMarket").KnownValues);
        Assert.Empty(ReferralFields.All.Single(f => f.Name == "customerName").KnownValues);
    }

    [Fact]
    public void Reading_a_page_allocates_per_row_only_the_row_and_its_strings()
    {
        // Guard the fast path: the rows and their strings, no per-field dictionaries or boxes.
        var row = "{\"id\":\"100001\",\"status\":\"Won\",\"customerMarket\":\"US\",\"partnerMarket\":\"US\",\"customerName\":\"Contoso\",\"customerOrgSize\":\"1to9employees\","
            + string.Join(",", ReferralFields.DateFields.Select(f => "\"" + f.Name + "\":\"2024-03-01T10:42:54\"")) + "}";
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(row, 2000)) + "]");
        ReferralPageReader.ReadReferrals(body, 2000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ReferralPageReader.ReadReferrals(body, 2000);
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / 2000.0;

        // A Referral (about 150 bytes), its id and name strings (about 80) and its share of the row list.
        Assert.True(perRow < 300, "allocated " + perRow.ToString("N0", CultureInfo.InvariantCulture) + " bytes per row");
    }

    [Fact]
    public void A_json_value_of_the_wrong_shape_is_skipped_not_thrown()
    {
        var json = "[{\"status\":{\"nested\":[1,2]},\"createdDate\":[\"x\"],\"id\":\"7\"}]";

        var row = Assert.Single(ReferralPageReader.ReadReferrals(Encoding.UTF8.GetBytes(json)).Rows);

        Assert.Null(row.Status);
        Assert.Null(row.CreatedDate);
        Assert.Equal("7", row.Id);
    }
}
