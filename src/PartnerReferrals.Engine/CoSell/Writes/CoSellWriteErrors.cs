using System;
using System.Collections.Generic;
using System.Globalization;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>
/// The errors of the co-sell write cmdlets that the client finds itself, before or instead of a request: values the
/// documents do not allow, moves they forbid, and what a refused or interrupted write means for the referral.
/// </summary>
public static class CoSellWriteErrors
{
    public const string ConflictId = "PartnerReferrals.CoSell.Conflict";
    public const string ForbiddenMoveId = "PartnerReferrals.CoSell.ForbiddenTransition";

    public static PartnerReferralsException UnknownValue(string parameter, string value, IReadOnlyList<string> known)
    {
        var near = Spelling.Nearest(value, known) is { } guess ? " (did you mean " + guess + "?)" : string.Empty;
        return Invalid("PartnerReferrals.CoSell.UnknownValue", parameter, value, "-" + parameter + ": '" + value + "' is not a value the Referrals API takes" + near + ".", "Give -" + parameter + " one of: " + string.Join(", ", known) + " (tab completion offers them).");
    }

    /// <summary>-Status Won: a substatus given where its status belongs.</summary>
    public static PartnerReferralsException SubstatusAsStatus(string value, string status) =>
        Invalid("PartnerReferrals.CoSell.UnknownValue", "Status", value, "-Status: '" + value + "' is a substatus of " + status + ", not a status.", "Give -Substatus " + value + " (it implies -Status " + status + ").");

    /// <summary>A piped object without an Id: it names no referral (one failing input; the others go on).</summary>
    public static PartnerReferralsException NoReferralId(string item) =>
        new("PartnerReferrals.CoSell.NoReferralId", ErrorKind.InvalidArgument, "The piped object has no Id, so it names no referral: " + item + ".", "Pipe referrals from Get-PartnerCoSellReferral, objects with an Id property, or ids.", item)
        {
            ParameterName = Hosting.ErrorScope.InputParameter,
        };

    /// <summary>A change that asks for confirmation where no one can answer (-NonInteractive); nothing was sent.</summary>
    public static PartnerReferralsException ConfirmationNeeded(string action, string target, string impact, string reason, Exception inner) =>
        new(
            "PartnerReferrals.CoSell.ConfirmationNeeded",
            ErrorKind.InvalidOperation,
            action + " on " + target + " asks for confirmation (ConfirmImpact " + impact + "), and this PowerShell cannot ask: " + reason + " Nothing was sent.",
            "Run the command with -Confirm:$false once you are sure (or -WhatIf to see what it would do).",
            target,
            inner);

    public static PartnerReferralsException NotACountryCode(string parameter, string value) =>
        Invalid("PartnerReferrals.CoSell.NotACountryCode", parameter, value, "-" + parameter + ": '" + value + "' is not a two-letter country code.", "Give -" + parameter + " the ISO 3166-1 alpha-2 code, such as US, GB or DE.");

    public static PartnerReferralsException NotACurrencyCode(string parameter, string value) =>
        Invalid("PartnerReferrals.CoSell.NotACurrencyCode", parameter, value, "-" + parameter + ": '" + value + "' is not a three-letter currency code.", "Give -" + parameter + " the ISO 4217 code, such as USD, EUR or INR.");

    public static PartnerReferralsException NegativeDealValue(string parameter, decimal value) =>
        Invalid("PartnerReferrals.CoSell.NegativeDealValue", parameter, value.ToString(CultureInfo.InvariantCulture), "-" + parameter + " is " + value.ToString(CultureInfo.InvariantCulture) + "; a deal value cannot be negative.", "Give -" + parameter + " the expected value of the deal, 0 or more.");

    public static PartnerReferralsException MissingValue(string parameter) =>
        Invalid("PartnerReferrals.CoSell.MissingValue", parameter, string.Empty, "-" + parameter + " is empty, and a referral needs it.", "Give -" + parameter + " a value.");

    public static PartnerReferralsException NotAnEmail(string parameter, string value) =>
        Invalid("PartnerReferrals.CoSell.NotAnEmail", parameter, value, "-" + parameter + ": '" + value + "' is not an e-mail address.", "Give -" + parameter + " e-mail addresses (name@contoso.com), or objects with an Email property and optionally FirstName, LastName and PhoneNumber.");

    public static PartnerReferralsException NothingToChange() =>
        Invalid("PartnerReferrals.CoSell.NothingToChange", "Status", string.Empty, "Nothing to change: no -Status, -Substatus, -StatusReason, -DealValue, -Currency, -CloseDate, -SalesStage or -AddTeamMember was given.", "Say what to change, e.g. -Status Active to accept the referral.");

    public static PartnerReferralsException SetByService(string substatus) =>
        Invalid("PartnerReferrals.CoSell.SubstatusSetByService", "Substatus", substatus, "-Substatus " + substatus + " is set by the service alone, to an incoming referral nobody answered within 14 days.", "To close a referral yourself, give -Substatus Won, Lost or Declined.");

    public static PartnerReferralsException SubstatusNeeded(string status, IReadOnlyList<string> substatuses) =>
        Invalid("PartnerReferrals.CoSell.SubstatusNeeded", "Substatus", status, "-Status " + status + " needs a -Substatus to say which kind: " + Or(substatuses) + ".", "Add -Substatus, e.g. -Status " + status + " -Substatus " + substatuses[0] + ".");

    public static PartnerReferralsException SubstatusNotOfStatus(string status, string substatus, IReadOnlyList<string> substatuses) =>
        Invalid("PartnerReferrals.CoSell.SubstatusNotOfStatus", "Substatus", substatus, "-Substatus " + substatus + " does not belong to -Status " + status + "; with " + status + " the substatus is " + Or(substatuses) + ".", "Give a -Substatus of " + status + ", or the -Status " + ReferralStatuses.StatusOf(substatus) + " that " + substatus + " belongs to.");

    /// <summary>A move the documents forbid for this referral: it concerns this input only, and nothing was sent.</summary>
    public static PartnerReferralsException ForbiddenMove(ReferralState current, string status, string substatus)
    {
        var from = current.Status + (current.Substatus is null ? string.Empty : "/" + current.Substatus);
        var allowed = Allowed(current.Status);
        var why = allowed.Count == 0
            ? "a " + current.Status?.ToLowerInvariant() + " referral is final: its status can no longer change"
            : "a referral that is " + current.Status + " may only move to " + Or(allowed);
        return new PartnerReferralsException(
            ForbiddenMoveId,
            ErrorKind.InvalidOperation,
            "-Status: the " + current.Label + " is " + from + " and cannot be set to " + status + "/" + substatus + ": " + why + ". Nothing was sent.",
            "Leave this referral out, or change only its other fields (drop -Status and -Substatus).",
            current.Id)
        {
            ParameterName = "Status",
        };
    }

    /// <summary>The service refused the update's If-Match: the referral changed after the caller read it.</summary>
    public static PartnerReferralsException Conflict(ReferralState current) =>
        new(
            ConflictId,
            ErrorKind.InvalidOperation,
            "The " + current.Label + " was changed by someone else after it was read (its eTag " + current.ETag + " is no longer current), so the update was refused and nothing was changed.",
            "Read it again (Get-PartnerCoSellReferral -Id " + current.Id + "), check the other change, and run the update on the fresh referral.",
            current.Id);

    public static PartnerReferralsException HelpNotesWithoutHelp() =>
        Invalid("PartnerReferrals.CoSell.HelpNotesWithoutHelp", "HelpNotes", string.Empty, "-HelpNotes tells Microsoft about the help you ask for, and no -HelpNeeded says which help.", "Add -HelpNeeded (e.g. CustomerTechnicalArchitecture), or drop -HelpNotes.");

    public static PartnerReferralsException SharingNeeded(string help) =>
        Invalid("PartnerReferrals.CoSell.SharingNeeded", "ShareWithMicrosoft", help, "-HelpNeeded " + help + " asks Microsoft sellers for help, which needs the referral shared with them, and -ShareWithMicrosoft was not given (without it the deal is private).", "Add -ShareWithMicrosoft to share the referral with Microsoft sellers, or drop -HelpNeeded to keep it private.");

    public static PartnerReferralsException ConsentNeeded() =>
        Invalid("PartnerReferrals.CoSell.ConsentNeeded", "CustomerConsent", string.Empty, "-ShareWithMicrosoft would pass the customer contacts of -CustomerContact to Microsoft sellers, and -CustomerConsent does not say that the customer agreed.", "Add -CustomerConsent once the customer has agreed to be contacted and to have their details shared, or leave out -CustomerContact or -ShareWithMicrosoft.");

    /// <summary>
    /// What a refused write means where it differs from a refused read (the reader's mapping covers the rest): a 403
    /// names the role that writes, a 409 says the referral is closed. Null for any other status.
    /// </summary>
    public static PartnerReferralsException? Refused(int status, string? apiSaid, ReferralState? referral, System.Uri? url)
    {
        var said = string.IsNullOrWhiteSpace(apiSaid) ? string.Empty : " The API said: " + apiSaid!.Trim().TrimEnd('.') + ".";
        var what = referral is null ? "create the referral" : "change the " + referral.Label;
        return status switch
        {
            403 => new PartnerReferralsException(
                "PartnerReferrals.CoSell.Forbidden",
                ErrorKind.PermissionDenied,
                "Partner Center refused to " + what + ": creating and updating referrals needs the Referrals admin role, and a Referrals user may only read the referrals whose team includes them." + said,
                "Ask a Partner Center global admin to give your account the Referrals admin role, then sign in again with Connect-PartnerReferrals.",
                url) { HttpStatus = status },
            409 => new PartnerReferralsException(
                "PartnerReferrals.CoSell.ReferralClosed",
                ErrorKind.InvalidOperation,
                "Partner Center refused to " + what + ": it is closed, and a closed referral can no longer change." + said,
                "Read it again (Get-PartnerCoSellReferral -Id " + referral?.Id + ") to see its status; leave closed referrals out of the update.",
                referral?.Id ?? url?.ToString()) { HttpStatus = status },
            _ => null,
        };
    }

    /// <summary>A create whose answer never came (or was a 5xx): it may have been created, so it is not sent again.</summary>
    public static PartnerReferralsException OutcomeUnknown(NewReferralRequest referral, PartnerReferralsException cause) =>
        new(
            "PartnerReferrals.CoSell.OutcomeUnknown",
            ErrorKind.ConnectionError,
            "The request to create the referral '" + referral?.Name + "' went out, but no answer came back (" + cause?.Problem + "), so it may or may not have been created. It was not sent again: a repeat could create it twice.",
            "Look for it before trying again, e.g. Get-PartnerCoSellReferral -Direction Outgoing -First 20" + (referral?.ExternalReferenceId is { } id ? ", or -Filter \"externalReferenceId eq '" + id.Replace("'", "''") + "'\"" : string.Empty) + ".",
            referral?.Name,
            cause)
        {
            RequestId = cause?.RequestId,
            CorrelationId = cause?.CorrelationId,
            HttpStatus = cause?.HttpStatus,
        };

    private static IReadOnlyList<string> Allowed(string? status)
    {
        var allowed = new List<string>();
        foreach (var to in ReferralStatuses.Statuses)
        {
            if (ReferralStatuses.MayMove(status, to))
            {
                allowed.Add(to);
            }
        }

        return allowed;
    }

    private static string Or(IReadOnlyList<string> values) =>
        values.Count <= 1 ? string.Join(string.Empty, values) : string.Join(", ", System.Linq.Enumerable.Take(values, values.Count - 1)) + " or " + values[values.Count - 1];

    private static PartnerReferralsException Invalid(string id, string parameter, string target, string problem, string action) =>
        new(id, ErrorKind.InvalidArgument, problem, action, target)
        {
            ParameterName = parameter,
        };
}
