using System;
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
    private int? pageSize;
    private int? throttleLimit;

    /// <summary>
    /// Statuses to match (any of them). Bound by property name, not by value: a piped summary row or CSV row
    /// drills down by its Status, while binding by value would turn any piped object into its type name.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string[]? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? CustomerMarket { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
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

    /// <summary>A filter in the API's own grammar, combined with the other filters by <c>and</c>.</summary>
    [Parameter]
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

    internal ReferralFilter BuildFilter()
    {
        var filter = new ReferralFilter
        {
            CustomerNameContains = CustomerName,
            DateField = DateField,
            After = after,
            Before = before,
            RawFilter = Filter,
        };
        AddAll(filter.Status, Status);
        AddAll(filter.CustomerMarket, CustomerMarket);
        AddAll(filter.PartnerMarket, PartnerMarket);
        AddAll(filter.CustomerOrgSize, CustomerOrgSize);
        return filter;
    }

    private static void AddAll(System.Collections.Generic.ICollection<string> target, string[]? values)
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
