using System;
using System.Collections.Generic;
using System.Management.Automation;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.Queries;

namespace PartnerReferrals.Commands;

/// <summary>
/// The filter parameters that Get-PartnerReferral and Get-PartnerReferralSummary share, and their mapping onto
/// the engine's <see cref="ReferralFilter"/>. The engine builds the filter grammar and quotes the values.
/// </summary>
public abstract class ReferralFilterCmdlet : PartnerReferralsCmdlet
{
    private DateTime? after;
    private DateTime? before;
    private DateTime? changedSince;
    private int? pageSize;
    private HashSet<string> commandLine = new(StringComparer.OrdinalIgnoreCase);
    private int? throttleLimit;

    /// <summary>
    /// Statuses to match (any of them). Bound by property name, not by value: a piped summary row or CSV row
    /// drills down by its Status, while binding by value would turn any piped object into its type name.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string[]? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MarketCompleter))]
    public string[]? CustomerMarket { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(MarketCompleter))]
    public string[]? PartnerMarket { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(OrgSizeCompleter))]
    public string[]? CustomerOrgSize { get; set; }

    /// <summary>Text the customer name contains, ignoring case.</summary>
    [Parameter]
    public string? CustomerName { get; set; }

    /// <summary>The date field that -After and -Before bound; createdDate by default.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(DateFieldCompleter))]
    public string? DateField { get; set; }

    [Parameter]
    public DateTime After
    {
        get => after.GetValueOrDefault();
        set => after = value;
    }

    [Parameter]
    public DateTime Before
    {
        get => before.GetValueOrDefault();
        set => before = value;
    }

    /// <summary>Referrals with any lifecycle date at or after this time: the incremental pull of a nightly job.</summary>
    [Parameter]
    public DateTime ChangedSince
    {
        get => changedSince.GetValueOrDefault();
        set => changedSince = value;
    }

    /// <summary>A filter in the API's own grammar, combined with the other filters by <c>and</c>.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(FilterCompleter))]
    public string? Filter { get; set; }

    /// <summary>Rows per request; not a limit on the result (that is -First).</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int PageSize
    {
        get => pageSize.GetValueOrDefault();
        set => pageSize = value;
    }

    private protected int? PageSizeOrDefault => pageSize;

    /// <summary>Pages requested at once (PowerShell's word for it); 4 when left out, halved after each HTTP 429.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit
    {
        get => throttleLimit.GetValueOrDefault();
        set => throttleLimit = value;
    }

    private protected int? ThrottleLimitOrDefault => throttleLimit;

    private protected override bool ReportsErrorsPerInput => true;

    /// <summary>Before any input is bound, the bound parameters are the command line's.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The filter of the command line and, with <paramref name="withPipelineValues"/>, of values bound from the
    /// pipeline by property name. Without it, the piped object is read whole instead (see Get-PartnerReferral).
    /// </summary>
    internal ReferralFilter BuildFilter(bool withPipelineValues = true)
    {
        var filter = new ReferralFilter
        {
            CustomerNameContains = CustomerName,
            DateField = DateField,
            After = after,
            Before = before,
            ChangedSince = changedSince,
            RawFilter = Filter,
        };
        AddAll(filter.Status, Take(nameof(Status), Status, withPipelineValues));
        AddAll(filter.CustomerMarket, Take(nameof(CustomerMarket), CustomerMarket, withPipelineValues));
        AddAll(filter.PartnerMarket, Take(nameof(PartnerMarket), PartnerMarket, withPipelineValues));
        AddAll(filter.CustomerOrgSize, Take(nameof(CustomerOrgSize), CustomerOrgSize, withPipelineValues));
        return filter;
    }

    private protected string[]? Take(string name, string[]? values, bool withPipelineValues) =>
        withPipelineValues || commandLine.Contains(name) ? values : null;

    private protected static void AddAll(ICollection<string> target, string[]? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                target.Add(value);
            }
        }
    }
}
