using System.Collections;
using System.Management.Automation;
using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// A person given to a write cmdlet (-AddTeamMember, -TeamMember, -CustomerContact): an e-mail address, or an object
/// or hashtable with Email and optionally FirstName, LastName and PhoneNumber (a team member of a referral read
/// before, a row of Import-Csv). The engine checks the e-mail.
/// </summary>
internal static class PersonArgument
{
    public static PersonInput From(object? value)
    {
        var item = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (item is string email)
        {
            return new PersonInput(email);
        }

        if (item is IDictionary table)
        {
            return new PersonInput(Text(table, "Email") ?? string.Empty, Text(table, "FirstName"), Text(table, "LastName"), Text(table, "PhoneNumber"));
        }

        var properties = PSObject.AsPSObject(value);
        return new PersonInput(
            Text(properties, "Email") ?? item?.ToString() ?? string.Empty,
            Text(properties, "FirstName"),
            Text(properties, "LastName"),
            Text(properties, "PhoneNumber"));
    }

    private static string? Text(IDictionary table, string key)
    {
        foreach (DictionaryEntry entry in table)
        {
            if (string.Equals(entry.Key?.ToString(), key, System.StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value?.ToString();
            }
        }

        return null;
    }

    private static string? Text(PSObject item, string name) => PipedObject.ValueOf(item, name)?.ToString();
}
