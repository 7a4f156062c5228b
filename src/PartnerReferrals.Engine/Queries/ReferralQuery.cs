using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// A validated query: what goes into <c>filter</c>, <c>groupby</c> and <c>aggregationLevel</c>, how many rows per
/// request, how many to skip and at most how many to return. Built only through the factories, which check
/// every input before any request is made.
/// </summary>
public sealed class ReferralQuery
{
    /// <summary>The API's largest page; also the default, since fewer round trips are faster and cheaper on quota.</summary>
    public const int MaxPageSize = 10000;

    /// <summary>Most pages a user may ask to have in flight at once (-ThrottleLimit); more only earns 429s.</summary>
    public const int MaxThrottleLimit = 16;

    /// <summary>Pages in flight when -ThrottleLimit is left out (the session's <see cref="Http.PartnerReferralsOptions.MaxConcurrency"/>).</summary>
    public const int DefaultThrottleLimit = 4;

    private ReferralQuery(string? filter, IReadOnlyList<string> groupBy, string? aggregationLevel, int pageSize, long skip, long? first)
    {
        Filter = filter;
        GroupBy = groupBy;
        AggregationLevel = aggregationLevel;
        PageSize = pageSize;
        Skip = skip;
        First = first;
    }

    /// <summary>The filter in the API's grammar, or null.</summary>
    public string? Filter { get; }

    /// <summary>Canonical field names (the API's casing), empty for a row query.</summary>
    public IReadOnlyList<string> GroupBy { get; }

    /// <summary><c>day</c>, <c>week</c>, <c>month</c>, or null when no date is grouped (<see cref="GroupingNames"/>).</summary>
    public string? AggregationLevel { get; }

    public int PageSize { get; }

    public long Skip { get; }

    /// <summary>The most rows to return; null for all.</summary>
    public long? First { get; }

    public bool IsGrouped => GroupBy.Count > 0;

    /// <summary>Pages in flight at most (-ThrottleLimit, 1..<see cref="MaxThrottleLimit"/>), halved after each 429; null for the session's default.</summary>
    public int? ThrottleLimit { get; private set; }

    public static ReferralQuery FromRequest(ReferralRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var filter = FilterBuilder.Build(request.Filter);
        RequestLength.Check(filter, request.Filter);
        return Create(filter, null, null, request.PageSize, request.Skip, request.First).WithThrottleLimit(request.ThrottleLimit);
    }

    public static ReferralQuery FromRequest(SummaryRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.GroupBy.All(string.IsNullOrWhiteSpace))
        {
            throw QueryErrors.Invalid(
                "GroupByRequired",
                "GroupBy",
                null,
                "-GroupBy: a summary needs at least one field to group by.",
                "Use one or more of: " + ReferralFields.Describe(ReferralFields.GroupableFields) + ".");
        }

        return Create(FilterBuilder.Build(request.Query.Filter), request.GroupBy, request.AggregationLevel, request.Query.PageSize, 0, null).WithThrottleLimit(request.Query.ThrottleLimit);
    }

    /// <summary>Validates raw parts; <paramref name="filter"/> is already in the API's grammar (e.g. from <see cref="FilterBuilder"/>).</summary>
    public static ReferralQuery Create(string? filter, IEnumerable<string>? groupBy, string? aggregationLevel, int? pageSize, long skip, long? first)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw QueryErrors.Invalid(
                "PageSizeOutOfRange",
                "PageSize",
                pageSize,
                string.Format(CultureInfo.InvariantCulture, "-PageSize: {0} is outside 1..{1}.", pageSize, MaxPageSize),
                string.Format(CultureInfo.InvariantCulture, "Give a page size from 1 to {0}, or leave it out for {0}; use -First to limit the rows returned.", MaxPageSize));
        }

        if (skip < 0)
        {
            throw QueryErrors.Invalid("NegativeSkip", "Skip", skip, "-Skip must not be negative.", "Give 0 or more rows to skip.");
        }

        // The API reads skip as a 32-bit number and refuses more, with advice that does not mention -Skip.
        if (skip > int.MaxValue)
        {
            throw QueryErrors.Invalid(
                "SkipOutOfRange",
                "Skip",
                skip,
                string.Format(CultureInfo.InvariantCulture, "-Skip {0} is more than the API accepts ({1}).", skip, int.MaxValue),
                string.Format(CultureInfo.InvariantCulture, "Give a -Skip from 0 to {0}; no result holds more rows.", int.MaxValue));
        }

        if (first < 0)
        {
            throw QueryErrors.Invalid("NegativeFirst", "First", first, "-First must not be negative.", "Give 0 or more rows to return, or leave it out for all rows.");
        }

        var (fields, level) = GroupingNames.Resolve(groupBy, aggregationLevel, QueryErrors.Prefix, Groupable);
        RequestLength.Check(filter);
        return new ReferralQuery(string.IsNullOrWhiteSpace(filter) ? null : filter, fields.Select(f => f.Name).ToArray(), level?.ToLowerInvariant(), pageSize ?? MaxPageSize, skip, first);
    }

    /// <summary>This query with at most <paramref name="throttleLimit"/> pages in flight (null: the session's default).</summary>
    public ReferralQuery WithThrottleLimit(int? throttleLimit)
    {
        if (throttleLimit is < 1 or > MaxThrottleLimit)
        {
            throw QueryErrors.Invalid(
                "ThrottleLimitOutOfRange",
                "ThrottleLimit",
                throttleLimit,
                string.Format(CultureInfo.InvariantCulture, "-ThrottleLimit: {0} is outside 1..{1}.", throttleLimit, MaxThrottleLimit),
                string.Format(CultureInfo.InvariantCulture, "Give 1 to {0} pages in flight, or leave it out for the default ({1}); the service throttles clients that ask for more.", MaxThrottleLimit, DefaultThrottleLimit));
        }

        var copy = (ReferralQuery)MemberwiseClone();
        copy.ThrottleLimit = throttleLimit;
        return copy;
    }

    /// <summary>The query string of one page request, e.g. <c>filter=...&amp;top=100&amp;skip=200</c>.</summary>
    public string ToQueryString(long skip, int top) => QueryString.Build(
    [
        new("filter", Filter),
        new("groupby", IsGrouped ? string.Join(",", GroupBy) : null),
        new("aggregationLevel", AggregationLevel),
        new("top", top.ToString(CultureInfo.InvariantCulture)),
        new("skip", skip > 0 ? skip.ToString(CultureInfo.InvariantCulture) : null),
    ]);

    private static ReferralField Groupable(string name)
    {
        if (!ReferralFields.TryGetGrouping(name, out var field, out _))
        {
            throw QueryErrors.UnknownField("GroupBy", name, ReferralFields.Describe(ReferralFields.GroupableFields) + " (a date also as its bucket: " + ReferralFields.CreatedDate.BucketName("Month") + ")");
        }

        return field.Groupable
            ? field
            : throw QueryErrors.Invalid(
                "FieldNotGroupable",
                "GroupBy",
                name,
                "-GroupBy: '" + field.Name + "' cannot be grouped (every row has its own).",
                "Use one of: " + ReferralFields.Describe(ReferralFields.GroupableFields) + ".");
    }
}
