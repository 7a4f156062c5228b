using System;
using System.Management.Automation;
using PartnerReferrals.Commands.Completion;
using PartnerReferrals.Commands.Hosting;
using PartnerReferrals.Engine;
using PartnerReferrals.Engine.CoSell;
using PartnerReferrals.Models;

namespace PartnerReferrals.Commands;

/// <summary>Creates an outgoing co-sell referral, every value checked before the one request; writes the referral created.</summary>
/// <remarks>
/// ConfirmImpact Medium, as New-Item: -Confirm asks and -WhatIf tells, while a script that registers deals meets no
/// prompt. The create is never sent twice (see RetryPolicy.MayRepeat).
/// </remarks>
[Cmdlet(VerbsCommon.New, "PartnerCoSellReferral", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CoSellReferral))]
public sealed class NewPartnerCoSellReferralCommand : PartnerReferralsCmdlet
{
    /// <summary>The referral's name, as your team and Microsoft sellers will see it.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Name { get; set; } = string.Empty;

    /// <summary>The customer organization's name.</summary>
    [Parameter(Mandatory = true)]
    public string CustomerName { get; set; } = string.Empty;

    /// <summary>The customer's country or region, a two-letter ISO 3166-1 code such as US, GB or DE.</summary>
    [Parameter(Mandatory = true)]
    public string CustomerCountry { get; set; } = string.Empty;

    /// <summary>The expected value of the deal, 0 or more, in -Currency.</summary>
    [Parameter(Mandatory = true)]
    public decimal DealValue { get; set; }

    /// <summary>The deal's currency, a three-letter ISO 4217 code such as USD or EUR.</summary>
    [Parameter(Mandatory = true)]
    public string Currency { get; set; } = string.Empty;

    /// <summary>The date the customer expects to close the deal; its time of day is not kept.</summary>
    [Parameter(Mandatory = true)]
    public DateTime CloseDate { get; set; }

    /// <summary>Your own id of the deal (a CRM opportunity id), kept on the referral as externalReferenceId.</summary>
    [Parameter]
    public string? ExternalReferenceId { get; set; }

    /// <summary>Notes about the deal for whoever works on it.</summary>
    [Parameter]
    public string? Notes { get; set; }

    /// <summary>The customer's size, one of the documented values such as 51to250employees or 251to1000employees.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(CoSellWriteCompleter))]
    public string? CustomerSize { get; set; }

    /// <summary>The first line of the customer's street address.</summary>
    [Parameter]
    public string? CustomerAddressLine1 { get; set; }

    /// <summary>The customer's city.</summary>
    [Parameter]
    public string? CustomerCity { get; set; }

    /// <summary>The customer's state or province.</summary>
    [Parameter]
    public string? CustomerState { get; set; }

    /// <summary>The customer's postal code.</summary>
    [Parameter]
    public string? CustomerPostalCode { get; set; }

    /// <summary>
    /// The customer's contacts: e-mail addresses, or objects or hashtables with Email and optionally FirstName, LastName
    /// and PhoneNumber. Shared with Microsoft (-ShareWithMicrosoft) only with -CustomerConsent.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public object[]? CustomerContact { get; set; }

    /// <summary>Your people on the deal: e-mail addresses, or objects or hashtables with Email, FirstName, LastName, PhoneNumber.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public object[]? TeamMember { get; set; }

    /// <summary>Ids of your solutions (SolutionProfile) that the deal is about, such as SOL-12345-ABC.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? SolutionId { get; set; }

    /// <summary>
    /// Asks Microsoft for help with the deal, which makes it a co-sell referral (type Shared): GeneralOrOther,
    /// CustomerTechnicalArchitecture, ProofOfConceptOrDemo, QuotesOrLicensing, PostSalesCustomerSuccess or
    /// WorkloadSpecificValueProposition. Requires -ShareWithMicrosoft.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(CoSellWriteCompleter))]
    public string? HelpNeeded { get; set; }

    /// <summary>What you tell Microsoft about the help you need; requires -HelpNeeded.</summary>
    [Parameter]
    public string? HelpNotes { get; set; }

    /// <summary>
    /// Shares the referral with Microsoft sellers (consentToShareReferralWithMicrosoftSellers). Without it the deal is
    /// private: no consent is ever assumed.
    /// </summary>
    [Parameter]
    public SwitchParameter ShareWithMicrosoft { get; set; }

    /// <summary>
    /// Records that the customer agreed to be contacted and to have their details shared (consentToContact and
    /// consentToToShareInfoWithOthers). Required to share -CustomerContact with Microsoft.
    /// </summary>
    [Parameter]
    public SwitchParameter CustomerConsent { get; set; }

    protected override void ProcessRecord()
    {
        NewReferralRequest? request = null;
        try
        {
            request = Typed().Checked();
        }
        catch (PartnerReferralsException error)
        {
            Fail(error);
        }

        var what = "Create the " + (request!.ShareWithMicrosoft ? "shared" : "private") + " co-sell referral '" + request.Name + "'";
        if (!ShouldProcess(request.CustomerName + " (" + request.CustomerCountry + ")", what))
        {
            return;
        }

        if (RunEngine((host, token) => CoSellWriteOperations.Create(Session, request, host, token)) is { } created)
        {
            WriteObject(created);
        }
    }

    private NewReferralRequest Typed()
    {
        var request = new NewReferralRequest
        {
            Name = Name,
            CustomerName = CustomerName,
            CustomerCountry = CustomerCountry,
            DealValue = DealValue,
            Currency = Currency,
            CloseDate = CloseDate,
            ExternalReferenceId = ExternalReferenceId,
            Notes = Notes,
            CustomerSize = CustomerSize,
            CustomerAddressLine1 = CustomerAddressLine1,
            CustomerCity = CustomerCity,
            CustomerState = CustomerState,
            CustomerPostalCode = CustomerPostalCode,
            HelpNeeded = HelpNeeded,
            HelpNotes = HelpNotes,
            ShareWithMicrosoft = ShareWithMicrosoft.IsPresent,
            CustomerConsent = CustomerConsent.IsPresent,
        };
        foreach (var contact in CustomerContact ?? [])
        {
            request.CustomerContacts.Add(PersonArgument.From(contact));
        }

        foreach (var member in TeamMember ?? [])
        {
            request.TeamMembers.Add(PersonArgument.From(member));
        }

        foreach (var solution in SolutionId ?? [])
        {
            request.SolutionIds.Add(solution);
        }

        return request;
    }
}
