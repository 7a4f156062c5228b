using System;
using System.Management.Automation;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.CoSell;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>
/// Changes co-sell referrals with one conditional JSON Patch each (If-Match: the eTag the caller last saw), so a change
/// made by someone else since is never overwritten.
/// </summary>
/// <remarks>
/// ConfirmImpact is High for the status changes (accept, decline, win, lose cannot be taken back); a change without
/// one has Medium impact and asks only as a Medium cmdlet would (<see cref="ImpactConfirmation"/>).
/// </remarks>
[Cmdlet(VerbsData.Update, "PartnerCoSellReferral", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(CoSellReferral))]
public sealed class UpdatePartnerCoSellReferralCommand : PartnerReferralsCmdlet
{
    private const string IdSet = "Id";
    private const string InputSet = "InputObject";

    private ReferralChange change = new();

    /// <summary>
    /// The ids of the referrals to change. Each referral is read just before its update, and the eTag read goes into
    /// If-Match, so a change made after that read is not overwritten.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
    [Alias("ReferralId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = [];

    /// <summary>
    /// Referrals from Get-PartnerCoSellReferral or New-PartnerCoSellReferral, piped: the update's If-Match is the eTag
    /// each had when it was read, and the move is checked against its status, with no request. Any other object with
    /// an Id (a row of Import-Csv) uses its ETag property when it has one, else the referral is read first; a string is an id.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>
    /// The new status: Active to accept an incoming referral, Closed (with -Substatus Won, Lost or Declined) to close
    /// one. A Closed referral cannot change status, nor an Active one go back to New: such a referral is refused before
    /// any request (PartnerReferrals.CoSell.ForbiddenTransition) and the others go on.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(CoSellWriteCompleter))]
    public string? Status { get; set; }

    /// <summary>
    /// The new substatus, one of its status: Accepted (Active); Won, Lost, Declined (Closed); Pending, Received (New).
    /// Given alone it implies its status. Expired is set by the service only.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(CoSellWriteCompleter))]
    public string? Substatus { get; set; }

    /// <summary>Why the status changes, in your words: the reason a referral is declined or lost.</summary>
    [Parameter]
    [Alias("Reason")]
    public string? StatusReason { get; set; }

    /// <summary>The expected value of the deal, 0 or more, in -Currency (or the referral's currency).</summary>
    [Parameter]
    public decimal? DealValue { get; set; }

    /// <summary>The deal's currency, a three-letter ISO 4217 code such as USD or EUR.</summary>
    [Parameter]
    public string? Currency { get; set; }

    /// <summary>The date the customer expects to close the deal; its time of day is not kept.</summary>
    [Parameter]
    public DateTime? CloseDate { get; set; }

    /// <summary>The sales stage: Qualify, Develop, Propose or Close.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(CoSellWriteCompleter))]
    public string? SalesStage { get; set; }

    /// <summary>
    /// People of your organization to add to the referral's team: e-mail addresses, or objects or hashtables with
    /// Email and optionally FirstName, LastName and PhoneNumber. One already on the team is not added again.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public object[]? AddTeamMember { get; set; }

    /// <summary>Writes each referral as the service has it after the update (with its new eTag). Otherwise nothing is written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override bool ReportsErrorsPerInput => true;

    private protected override void Begin()
    {
        var typed = new ReferralChange
        {
            Status = Status,
            Substatus = Substatus,
            StatusReason = StatusReason,
            DealValue = DealValue,
            Currency = Currency,
            CloseDate = CloseDate,
            SalesStage = SalesStage,
        };
        foreach (var member in AddTeamMember ?? [])
        {
            typed.AddTeamMembers.Add(PersonArgument.From(member));
        }

        try
        {
            change = typed.Checked();
        }
        catch (PartnerReferralsException error)
        {
            Fail(error);
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputSet)
        {
            var input = InputObject?.BaseObject;
            if (input is CoSellReferral { Id: not null } referral)
            {
                var state = ReferralState.Of(referral);
                UpdateOne(state.Id, state);
            }
            else if (input is string id)
            {
                UpdateOne(id, null);
            }
            else
            {
                if (RunEngine((_, _) => PipedReferral.StateOf(InputObject!)) is { } piped)
                {
                    UpdateOne(piped.Id, piped.ETag is null ? null : piped);
                }
            }

            return;
        }

        foreach (var id in Id)
        {
            UpdateOne(id, null);
        }
    }

    /// <summary>Reads the referral unless its state is known, checks the move, asks, sends; any failure ends this referral only.</summary>
    private void UpdateOne(string id, ReferralState? known)
    {
        var state = known ?? RunEngine((host, token) => ReferralState.Of(CoSellWriteOperations.Read(Session, id, host, token)));
        var update = state is null ? null : RunEngine((_, _) => ReferralUpdate.Plan(change, state));
        if (update is null)
        {
            return;
        }

        if (!update.HasChanges)
        {
            WriteVerboseLine("The " + update.State.Label + " already is as asked; nothing was sent.");
        }
        else if (!ImpactConfirmation.Approve(this, update.State.Label, change.Describe(), update.ChangesStatus ? ConfirmImpact.High : ConfirmImpact.Medium, ConfirmImpact.High))
        {
            return;
        }

        var written = RunEngine((host, token) => CoSellWriteOperations.Update(Session, update, PassThru.IsPresent, host, token));
        if (PassThru && written is not null)
        {
            WriteObject(written);
        }
    }
}
