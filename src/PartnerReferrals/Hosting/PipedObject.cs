using System.Collections.Generic;
using System.Management.Automation;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// Reads the properties of an object piped to a cmdlet (a referral, a summary row, an Import-Csv row) as plain
/// values for the engine: a value PowerShell wrapped in a <see cref="PSObject"/> is unwrapped, and a property whose
/// getter throws reads as absent, since it carries nothing to filter or measure by.
/// </summary>
internal static class PipedObject
{
    /// <summary>Every property, by name, ignoring case as PowerShell does.</summary>
    public static Dictionary<string, object?> PropertiesOf(PSObject item)
    {
        var properties = new Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var property in item.Properties)
        {
            if (TryRead(property, out var value))
            {
                properties[property.Name] = value;
            }
        }

        return properties;
    }

    /// <summary>One property by name (ignoring case), or null when it is missing or cannot be read.</summary>
    public static object? ValueOf(PSObject? item, string name) =>
        item?.Properties[name] is { } property && TryRead(property, out var value) ? value : null;

    private static bool TryRead(PSPropertyInfo property, out object? value)
    {
        try
        {
            value = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
            return true;
        }
        catch (GetValueException)
        {
            value = null;
            return false;
        }
    }
}
