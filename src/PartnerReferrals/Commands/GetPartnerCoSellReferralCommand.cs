using System.Management.Automation;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine.CoSell;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Streams the co-sell referrals (leads and opportunities of the Referrals API) the signed-in user may see, page by
/// page as they arrive. -First, -Skip and -IncludeTotalCount come from SupportsPaging.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PartnerCoSellReferral", SupportsPaging = true, DefaultParameterSetName = ListSet)]
[OutputType(typeof(CoSellReferral))]
public sealed class GetPartnerCoSellReferralCommand : PartnerReferralsCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    /// <summary>
    /// Returns the co-sell referrals with these ids (GUIDs). Piped objects with an Id property, such as the output of
    /// Get-PartnerCoSellReferral or rows of Import-Csv, bind it by property name. An id that does not exist, or that
    /// the signed-in account may not see, is a non-terminating ObjectNotFound error, PartnerReferrals.CoSell.ReferralNotFound.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, Position = 0)]
    [Alias("ReferralId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Returns only referrals with this status: New (waiting for an answer), Active (accepted, being worked) or Closed.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("New", "Active", "Closed", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <summary>Returns only referrals with this substatus: Pending or Received (New), Accepted (Active), Won, Lost, Declined or Expired (Closed).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Pending", "Received", "Accepted", "Won", "Lost", "Declined", "Expired", IgnoreCase = true)]
    public string? Substatus { get; set; }

    /// <summary>Returns only Incoming referrals (received from Microsoft or another partner) or Outgoing ones (created by your organization).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Incoming", "Outgoing", IgnoreCase = true)]
    public string? Direction { get; set; }

    /// <summary>
    /// The Referrals API's own OData filter, sent as written, e.g. "customerProfile/address/country eq 'US'" or
    /// "team/any(t:t/email eq 'seller@contoso.com')". Combined with -Status, -Substatus and -Direction by "and".
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>The order of the referrals: createdDateTime or updatedDateTime, followed by asc or desc. The API's default is newest created first.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("createdDateTime", "createdDateTime asc", "createdDateTime desc", "updatedDateTime", "updatedDateTime asc", "updatedDateTime desc", IgnoreCase = true)]
    public string? OrderBy { get; set; }

    /// <summary>
    /// The name of a variable, without the dollar sign, that receives the number of referrals that match, when the
    /// API reports it; when it does not, the variable is $null (it is emptied as the command starts). The count never
    /// enters the pipeline.
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("CV")]
    [ValidateNotNullOrEmpty]
    public string? CountVariable { get; set; }

    protected override void ProcessRecord()
    {
        var query = new CoSellQuery
        {
            Status = Status is null ? null : CoSellQuery.Canonical(ReferralStatuses.Statuses, Status),
            Substatus = Substatus is null ? null : CoSellQuery.Canonical(ReferralStatuses.Substatuses, Substatus),
            Direction = Direction is null ? null : CoSellQuery.Canonical(CoSellQuery.Directions, Direction),
            Filter = Filter,
            OrderBy = OrderBy,
        };
        if (PagingParameters is { } paging)
        {
            query.Skip = paging.Skip > long.MaxValue ? long.MaxValue : (long)paging.Skip;
            // PowerShell's "no -First" is UInt64.MaxValue.
            query.First = paging.First >= long.MaxValue ? null : (long)paging.First;
            query.Count = paging.IncludeTotalCount.IsPresent;
        }

        query.Count |= CountVariable is not null;
        RunEngine((host, token) => CoSellOperations.GetReferrals(Session, query, Id, host, token));
    }
}
