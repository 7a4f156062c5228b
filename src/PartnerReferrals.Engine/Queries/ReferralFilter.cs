using System;
using System.Collections.Generic;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// The friendly filter inputs a cmdlet collects. The engine turns them into the API's filter grammar with
/// correct quoting; values of one field are joined by <c>or</c>, fields and <see cref="RawFilter"/> by <c>and</c>.
/// </summary>
public sealed class ReferralFilter
{
    /// <summary>The date field of <see cref="After"/> and <see cref="Before"/> when <see cref="DateField"/> is not given.</summary>
    public const string DefaultDateField = "createdDate";

    /// <summary>Referral ids to return (any of them).</summary>
    public IList<string> Id { get; private set; } = new List<string>();

    public IList<string> Status { get; private set; } = new List<string>();

    public IList<string> CustomerMarket { get; private set; } = new List<string>();

    public IList<string> PartnerMarket { get; private set; } = new List<string>();

    public IList<string> CustomerOrgSize { get; private set; } = new List<string>();

    /// <summary>Text the customer name must contain (case-insensitive).</summary>
    public string? CustomerNameContains { get; set; }

    /// <summary>The date field that <see cref="After"/> and <see cref="Before"/> bound; <see cref="DefaultDateField"/> when null.</summary>
    public string? DateField { get; set; }

    /// <summary>Inclusive lower bound, UTC (a local or unspecified time is converted as documented).</summary>
    public DateTime? After { get; set; }

    /// <summary>Exclusive upper bound, UTC.</summary>
    public DateTime? Before { get; set; }

    /// <summary>Referrals with any lifecycle date at or after this time (UTC): what changed since a previous pull.</summary>
    public DateTime? ChangedSince { get; set; }

    /// <summary>A filter in the API's own grammar, passed through and combined with the others by <c>and</c>.</summary>
    public string? RawFilter { get; set; }

    /// <summary>The properties of one piped object (name to plain value), read by <see cref="InputRowFilter"/>.</summary>
    public IReadOnlyDictionary<string, object?>? InputRow { get; set; }

    /// <summary>A copy whose lists are its own: a cmdlet keeps the values of its command line while piped values come and go.</summary>
    public ReferralFilter Clone()
    {
        var copy = (ReferralFilter)MemberwiseClone();
        copy.Id = [.. Id];
        copy.Status = [.. Status];
        copy.CustomerMarket = [.. CustomerMarket];
        copy.PartnerMarket = [.. PartnerMarket];
        copy.CustomerOrgSize = [.. CustomerOrgSize];
        return copy;
    }
}
