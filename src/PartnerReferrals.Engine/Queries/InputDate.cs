using System;
using System.Globalization;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// A date property of a piped object (a referral, a summary row, an Import-Csv row). Text is read as PowerShell's own
/// <c>[datetime]</c> cast reads it, in the invariant culture: ISO 8601 (<c>2018-02-07T23:43:19Z</c>) or month first.
/// Export-Csv writes the current culture's format instead, which another culture reads as another date (07/02 is
/// 2 July or 7 February), so text that the current culture reads differently, or reads where the invariant culture
/// cannot, is refused with the column named rather than counted wrong. A date without a zone is UTC, as the API's are.
/// </summary>
internal static class InputDate
{
    /// <summary>Ends the command: a file's date format is every row's, so the next row would repeat it (<see cref="Hosting.ErrorScope"/>).</summary>
    public const string CultureDateId = "PartnerReferrals.Input.CultureDate";

    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>The UTC date, or null for a missing or empty value; <paramref name="notADate"/> makes the error for text no culture reads.</summary>
    public static DateTime? Read(object? value, string column, Func<string, PartnerReferralsException> notADate)
    {
        switch (value)
        {
            case null:
                return null;
            case DateTime date:
                return date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc);
            case DateTimeOffset offset:
                return offset.UtcDateTime;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var invariant = DateTime.TryParse(text, CultureInfo.InvariantCulture, Utc, out var parsed) ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc) : (DateTime?)null;
        // ISO 8601 (year first) means one date in every culture; only other text can be a culture's format.
        if (invariant is { } iso && text!.Length > 4 && text[4] == '-')
        {
            return iso;
        }

        var culture = CultureInfo.CurrentCulture;
        DateTime? local = DateTime.TryParse(text, culture, Utc, out var read) ? DateTime.SpecifyKind(read, DateTimeKind.Utc) : null;
        if (local is null || local == invariant)
        {
            return invariant ?? throw notADate(text!);
        }

        var readings = invariant is { } other
            ? string.Format(CultureInfo.InvariantCulture, "PowerShell's [datetime] reads it as {0:yyyy-MM-dd HH:mm:ss}, the culture {1} as {2:yyyy-MM-dd HH:mm:ss}", other, culture.Name, local)
            : string.Format(CultureInfo.InvariantCulture, "only the culture {0} reads it ({1:yyyy-MM-dd HH:mm:ss}), not PowerShell's [datetime]", culture.Name, local);
        throw new PartnerReferralsException(
            CultureDateId,
            ErrorKind.InvalidData,
            string.Format(CultureInfo.InvariantCulture, "The input's {0} '{1}' is a date in a culture's format: {2}. Its meaning depends on the culture that wrote it, so it is not read.", column, text, readings),
            "Write the file with Export-PartnerReferral, whose dates are ISO 8601 UTC (2018-02-07T23:43:19Z) in every culture, or convert the column to ISO 8601 first (Get-Help about_PartnerReferrals, EXPORTING TO CSV).",
            text)
        {
            ParameterName = Hosting.ErrorScope.InputParameter,
        };
    }
}
