using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using PartnerReferrals.Engine.Queries;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// How a summary row shows: its grouped values as properties, and a table view of its grouping. A format file is
/// static and cannot know the grouped fields, so each grouping gets its own type name (its rows carry it) and its own
/// view, made from the field catalogue and loaded once per session (Update-FormatData reads files only); a session
/// that refuses it keeps the module's static view. The count comes first, as Group-Object's does, so no console is
/// too narrow for it; a term column is as wide as its known values; a date shows its bucket (2024-03 under
/// CreatedMonth); the customer name, the one long value, comes last and takes the rest of the width.
/// </summary>
internal static class SummaryFormats
{
    private const string TypeName = "PartnerReferrals.Models.ReferralGroup";
    private const string Count = nameof(ReferralGroup.ReferralCount);

    private static readonly ConditionalWeakTable<Runspace, HashSet<string>> Loaded = new();

    /// <summary>The row as PowerShell shows and exports it: the grouped values as properties, and its grouping's view.</summary>
    public static PSObject Dress(PartnerReferralsCmdlet cmdlet, ReferralGroup group)
    {
        var row = new PSObject(group);
        foreach (var value in group.GroupedValues())
        {
            row.Properties.Add(new PSNoteProperty(value.Key, value.Value));
        }

        var level = group.Value("AggregationLevel") as string;
        var typeName = TypeName + "#" + group.GroupBy + (level is null ? string.Empty : "#" + level.ToLowerInvariant());
        EnsureLoaded(cmdlet, typeName, level);
        row.TypeNames.Insert(0, typeName);
        return row;
    }

    private static void EnsureLoaded(PartnerReferralsCmdlet cmdlet, string typeName, string? level)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null)
        {
            return;
        }

        var loaded = Loaded.GetOrCreateValue(runspace);
        lock (loaded)
        {
            if (!loaded.Add(typeName))
            {
                return;
            }
        }

        try
        {
            var folder = Path.Combine(Path.GetTempPath(), "PartnerReferrals", "formats");
            Directory.CreateDirectory(folder);
            var name = typeName.Substring(typeName.IndexOf('#') + 1).Replace(',', '-').Replace('#', '.');
            var path = Path.Combine(folder, string.Format(CultureInfo.InvariantCulture, "ReferralGroup.{0}.{1}.format.ps1xml", name, System.Diagnostics.Process.GetCurrentProcess().Id));
            File.WriteAllText(path, ViewXml(typeName, level));
            cmdlet.InvokeCommand.InvokeScript("Update-FormatData -AppendPath $args[0]", false, PipelineResultTypes.None, null, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or RuntimeException)
        {
            cmdlet.WriteVerboseLine("The summary view for " + typeName + " could not be loaded (" + exception.Message + "); the default view is used.");
        }
    }

    /// <summary>The view in PowerShell's format schema: label, property, format string and width (null: the rest) per column.</summary>
    private static string ViewXml(string typeName, string? level)
    {
        var columns = new List<(string Label, string Property, string? Format, int? Width)> { (Count, Count, null, Count.Length) };
        var grouped = typeName.Split('#')[1].Split(',').Select(n => ReferralFields.TryGet(n, out var f) ? f : null).OfType<ReferralField>();
        foreach (var field in grouped.OrderBy(f => f.Kind == ReferralFieldKind.Term && f.KnownValues.Count == 0))
        {
            if (field.Kind == ReferralFieldKind.Date)
            {
                var label = field.Property.Substring(0, field.Property.Length - "Date".Length) + level;
                columns.Add((label, field.Property, level == "Month" ? "{0:yyyy-MM}" : "{0:yyyy-MM-dd}", Math.Max(label.Length, 10)));
            }
            else
            {
                columns.Add((field.Property, field.Property, null, field.KnownValues.Count == 0 ? null : Math.Max(field.Property.Length, field.KnownValues.Max(v => v.Length))));
            }
        }

        var headers = columns.Select(c => new XElement(
            "TableColumnHeader",
            new XElement("Label", c.Label),
            c.Width is { } width ? new XElement("Width", width) : null,
            c.Property == Count ? new XElement("Alignment", "Right") : null));
        var items = columns.Select(c => new XElement("TableColumnItem", new XElement("PropertyName", c.Property), c.Format is null ? null : new XElement("FormatString", c.Format)));
        var view = new XElement(
            "View",
            new XElement("Name", typeName),
            new XElement("ViewSelectedBy", new XElement("TypeName", typeName)),
            new XElement("TableControl", new XElement("TableHeaders", headers), new XElement("TableRowEntries", new XElement("TableRowEntry", new XElement("TableColumnItems", items)))));
        return new XElement("Configuration", new XElement("ViewDefinitions", view)).ToString();
    }
}
