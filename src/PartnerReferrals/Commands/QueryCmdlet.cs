using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Commands;

/// <summary>
/// The query cmdlets (Get-PartnerReferral, Export-PartnerReferral, Get-PartnerReferralSummary, Measure-PartnerReferral,
/// Export-PartnerReferralReport) and the one description of the parameters they share: the properties below. Each is
/// declared once, with its help (the summary, which the module's help is generated from), its default, completion and
/// validation, and its setter puts the value where the engine reads it, so the request is built in this one place.
/// What is derived from these declarations instead of listed: which parameters piped referrals refuse, and the
/// checks (<see cref="QueryCheckAttribute"/>) run before the first request. A new shared parameter is one property here.
/// </summary>
public abstract class QueryCmdlet : PartnerReferralsCmdlet
{
    private readonly ReferralRequest bound = new();
    private ReferralRequest typed = new();

    /// <summary>
    /// Returns only referrals whose status is one of these values (case-insensitive). Tab completion offers the statuses
    /// the service is known to use: Created, Acknowledged, Accepted, Declined, Expired, Lost, Missed, Skipped, Won and
    /// Archived; any other value is passed to the service unchanged, with a warning that names the known ones (a typo such
    /// as Wonn would otherwise only return nothing).
    /// <para>Accepts input by property name, so a summary row or an imported CSV row with a Status column selects its own referrals.</para>
    /// </summary>
    /// <remarks>By property name, not by value: binding by value would turn any piped object into its type name.</remarks>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FieldCompleter))]
    [KnownValue]
    public string[]? Status { get => Values(bound.Filter.Status); set => Set(bound.Filter.Status, value); }

    /// <summary>
    /// Returns only referrals whose customer market (a two-letter country or region code, such as US or DE) is one of
    /// these values. A value that is not two letters is refused.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FieldCompleter))]
    [KnownValue(MarketCode = true)]
    public string[]? CustomerMarket { get => Values(bound.Filter.CustomerMarket); set => Set(bound.Filter.CustomerMarket, value); }

    /// <summary>
    /// Returns only referrals whose partner market (a two-letter country or region code) is one of these values. A value
    /// that is not two letters is refused.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FieldCompleter))]
    [KnownValue(MarketCode = true)]
    public string[]? PartnerMarket { get => Values(bound.Filter.PartnerMarket); set => Set(bound.Filter.PartnerMarket, value); }

    /// <summary>
    /// Returns only referrals whose customer organisation size is one of these values, such as 10to50employees or
    /// Morethan20000employees. Tab completion offers the known sizes; any other value is passed to the service unchanged,
    /// with a warning that names the known ones.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(FieldCompleter))]
    [KnownValue]
    public string[]? CustomerOrgSize { get => Values(bound.Filter.CustomerOrgSize); set => Set(bound.Filter.CustomerOrgSize, value); }

    /// <summary>Returns only referrals whose customer name contains this text, ignoring case. Quotes in the text are escaped for you.</summary>
    [Parameter]
    public string? CustomerName { get => bound.Filter.CustomerNameContains; set => bound.Filter.CustomerNameContains = value; }

    /// <summary>
    /// The date field that -After and -Before apply to: createdDate (the default), acknowledgedDate, acceptedDate,
    /// declinedDate, expiredDate, lostDate, missedDate, skippedDate, wonDate or archivedDate. Tab completion offers them.
    /// </summary>
    [Parameter]
    [PSDefaultValue(Value = ReferralFilter.DefaultDateField)]
    [ArgumentCompleter(typeof(FieldCompleter))]
    [AppliesWith(nameof(After), nameof(Before))]
    public string? DateField { get => bound.Filter.DateField; set => bound.Filter.DateField = value; }

    /// <summary>
    /// Returns only referrals whose date field (see -DateField) is on or after this time. A time without a zone is
    /// taken as UTC; a local time is converted to UTC.
    /// </summary>
    [Parameter]
    public DateTime After { get => bound.Filter.After.GetValueOrDefault(); set => bound.Filter.After = value; }

    /// <summary>
    /// Returns only referrals whose date field (see -DateField) is before this time (exclusive). A time without a zone
    /// is taken as UTC.
    /// </summary>
    [Parameter]
    public DateTime Before { get => bound.Filter.Before.GetValueOrDefault(); set => bound.Filter.Before = value; }

    /// <summary>
    /// Returns only referrals with any lifecycle date (CreatedDate, AcknowledgedDate, AcceptedDate, DeclinedDate,
    /// ExpiredDate, LostDate, MissedDate, SkippedDate, WonDate or ArchivedDate) at or after this time: what changed since
    /// a previous pull. A time without a zone is taken as UTC. Keep the watermark as the UTC time taken before the
    /// previous pull started (see about_PartnerReferrals, INCREMENTAL PULLS).
    /// </summary>
    [Parameter]
    public DateTime ChangedSince { get => bound.Filter.ChangedSince.GetValueOrDefault(); set => bound.Filter.ChangedSince = value; }

    /// <summary>
    /// A filter in the API's own grammar, for conditions the other parameters do not cover, for example
    /// "status eq 'Won' or wonDate ne null". It is combined with the other filter parameters by 'and'. Strings go in
    /// single quotes, with a quote inside doubled.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(FilterCompleter))]
    public string? Filter { get => bound.Filter.RawFilter; set => bound.Filter.RawFilter = value; }

    /// <summary>
    /// How many rows each request to the service asks for, from 1 to 10000 (the API maximum, used when you omit it). It
    /// changes how many requests fetch the result, never the result itself. When more than 1000 referrals are wanted and
    /// more than one request may be in flight, the first request asks for 1000 only, so the first referral arrives
    /// sooner; every request after it uses this size. Smaller pages give smaller requests; larger pages give fewer
    /// requests.
    /// </summary>
    [Parameter]
    [PSDefaultValue(Value = ReferralQuery.MaxPageSize)]
    [ValidateRange(1, ReferralQuery.MaxPageSize)]
    public int PageSize { get => bound.PageSize ?? ReferralQuery.MaxPageSize; set => bound.PageSize = value; }

    /// <summary>
    /// How many pages are requested at once, from 1 to 16; 4 when you omit it. Higher values help when each page is slow
    /// to arrive (high latency); the service throttles clients that ask for too much, and after each HTTP 429 (too many
    /// requests) the command halves this number for the rest of the pull. 1 sends one request at a time.
    /// </summary>
    [Parameter]
    [PSDefaultValue(Value = ReferralQuery.DefaultThrottleLimit)]
    [ValidateRange(1, ReferralQuery.MaxThrottleLimit)]
    public int ThrottleLimit { get => bound.ThrottleLimit ?? ReferralQuery.DefaultThrottleLimit; set => bound.ThrottleLimit = value; }

    private protected override bool ReportsErrorsPerInput => true;

    /// <summary>The names of the shared query parameters: every parameter declared in this class.</summary>
    private protected static IReadOnlyList<string> SharedParameters { get; } = [.. Declared.Select(p => p.Name)];

    private static IEnumerable<PropertyInfo> Declared =>
        typeof(QueryCmdlet).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.IsDefined(typeof(ParameterAttribute)));

    /// <summary>
    /// The request of this input: the shared parameters as bound now (typed, or bound by property name from the piped
    /// object), or with <paramref name="typedOnly"/> as typed on the command line (when the piped object is read whole).
    /// </summary>
    private protected ReferralRequest SharedRequest(bool typedOnly = false) => (typedOnly ? typed : bound).Clone();

    /// <summary>Before any input is bound, the bound values are the command line's: kept, then checked once for every query cmdlet.</summary>
    private protected sealed override void Begin()
    {
        typed = bound.Clone();
        foreach (var property in Declared.Where(p => CommandLine.Contains(p.Name)))
        {
            foreach (var check in property.GetCustomAttributes<QueryCheckAttribute>())
            {
                try
                {
                    foreach (var warning in check.Check(property.Name, property.GetValue(this), CommandLine))
                    {
                        WriteWarningLine(warning);
                    }
                }
                catch (PartnerReferralsException refused)
                {
                    Fail(refused);
                }
            }
        }

        BeginQuery();
    }

    /// <summary>What a query cmdlet does before the first input, after the shared parameters were kept and checked.</summary>
    private protected virtual void BeginQuery()
    {
    }

    private static string[]? Values(IList<string> values) => values.Count == 0 ? null : [.. values];

    private static void Set(IList<string> target, string[]? values)
    {
        target.Clear();
        foreach (var value in values ?? [])
        {
            if (!string.IsNullOrEmpty(value))
            {
                target.Add(value);
            }
        }
    }
}
