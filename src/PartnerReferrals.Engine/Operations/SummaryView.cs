using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Engine.Operations;

/// <summary>
/// The table view of one kind of summary row: the grouped fields, whichever they are, then the count. A format
/// file is static and cannot know them, so each grouping gets its own type name (the rows carry it) and its own
/// view, loaded once per session; a grouped date shows its bucket (2024-03 for a month), not a midnight timestamp.
/// </summary>
public sealed class SummaryView
{
    private const string BaseTypeName = "PartnerReferrals.Models.ReferralGroup";

    private SummaryView(string typeName, IReadOnlyList<(string Label, string Property, string? Format, int Width)> columns)
    {
        TypeName = typeName;
        Columns = columns;
    }

    /// <summary>e.g. <c>PartnerReferrals.Models.ReferralGroup#status,createdDate#month</c>.</summary>
    public string TypeName { get; }

    public IReadOnlyList<(string Label, string Property, string? Format, int Width)> Columns { get; }

    /// <summary>The view of rows grouped by <paramref name="groupBy"/> (API names) at <paramref name="aggregationLevel"/>.</summary>
    public static SummaryView For(IEnumerable<string> groupBy, string? aggregationLevel)
    {
        var fields = (groupBy ?? throw new ArgumentNullException(nameof(groupBy)))
            .SelectMany(g => (g ?? string.Empty).Split(','))
            .Select(n => ReferralFields.TryGet(n, out var f) ? f : null)
            .Where(f => f is not null && f.Groupable)
            .Select(f => f!)
            .Distinct()
            .ToList();
        var level = string.IsNullOrWhiteSpace(aggregationLevel) ? "day" : aggregationLevel!.Trim().ToLowerInvariant();
        var columns = new List<(string, string, string?, int)>();
        foreach (var field in fields)
        {
            var property = char.ToUpperInvariant(field.Name[0]) + field.Name.Substring(1);
            if (field.Kind == ReferralFieldKind.Date)
            {
                columns.Add(level switch
                {
                    "month" => (property + " (month)", property, "{0:yyyy-MM}", property.Length + 8),
                    "week" => (property + " (week from)", property, "{0:yyyy-MM-dd}", property.Length + 12),
                    _ => (property + " (day)", property, "{0:yyyy-MM-dd}", property.Length + 6),
                });
            }
            else
            {
                columns.Add((property, property, null, property == "CustomerName" ? 34 : Math.Max(property.Length, 22)));
            }
        }

        columns.Add(("ReferralCount", "ReferralCount", null, 13));
        var key = string.Join(",", fields.Select(f => f.Name)) + (fields.Any(f => f.Kind == ReferralFieldKind.Date) ? "#" + level : string.Empty);
        return new SummaryView(BaseTypeName + "#" + key, columns);
    }

    /// <summary>The view as a format file (PowerShell's Format schema), for Update-FormatData.</summary>
    public string ToFormatXml()
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Configuration><ViewDefinitions><View>");
        xml.Append("<Name>").Append(Escape(TypeName)).Append("</Name>");
        xml.Append("<ViewSelectedBy><TypeName>").Append(Escape(TypeName)).Append("</TypeName></ViewSelectedBy>");
        xml.Append("<TableControl><TableHeaders>");
        foreach (var column in Columns)
        {
            xml.Append("<TableColumnHeader><Label>").Append(Escape(column.Label)).Append("</Label><Width>")
                .Append(column.Width.ToString(CultureInfo.InvariantCulture)).Append("</Width>")
                .Append(column.Property == "ReferralCount" ? "<Alignment>Right</Alignment>" : string.Empty)
                .Append("</TableColumnHeader>");
        }

        xml.Append("</TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems>");
        foreach (var column in Columns)
        {
            xml.Append("<TableColumnItem><PropertyName>").Append(Escape(column.Property)).Append("</PropertyName>");
            if (column.Format is not null)
            {
                xml.Append("<FormatString>").Append(Escape(column.Format)).Append("</FormatString>");
            }

            xml.Append("</TableColumnItem>");
        }

        xml.Append("</TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View></ViewDefinitions></Configuration>\n");
        return xml.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
