using System;
using System.Globalization;

namespace PartnerReferrals.Engine.Queries;

/// <summary>Literal syntax of the filter grammar: quoted strings and date casts.</summary>
public static class FilterText
{
    /// <summary>A single-quoted string; a quote inside is doubled (OData's rule). Other characters, unicode included, stay as they are.</summary>
    public static string Quote(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return "'" + value.Replace("'", "''") + "'";
    }

    /// <summary>
    /// <c>cast('2024-01-01T00:00:00Z', Edm.DateTimeOffset)</c>. A Local time is converted to UTC; an Unspecified one
    /// is taken as UTC already, because the API writes and compares its dates in UTC.
    /// </summary>
    public static string DateCast(DateTime value) =>
        "cast('" + ToUtc(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) + "', Edm.DateTimeOffset)";

    /// <summary>Local → UTC; Unspecified → the same clock time marked UTC.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
