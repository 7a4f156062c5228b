using System;
using System.Linq;
using System.Management.Automation;
using PartnerReferrals.Engine.CoSell;

namespace PartnerReferrals.Commands.Hosting;

/// <summary>
/// A piped object that stands for a co-sell referral without being one (a row of Import-Csv, a deserialized referral):
/// its Id, and the ETag, Status, Substatus, Name and TeamEmails it carries, by property name.
/// </summary>
internal static class PipedReferral
{
    private static readonly char[] EmailSeparators = [';', ',', ' '];

    public static ReferralState StateOf(PSObject item)
    {
        var id = Text(item, "Id") ?? throw CoSellWriteErrors.NoReferralId(item.ToString());
        var team = Text(item, "TeamEmails")?.Split(EmailSeparators, StringSplitOptions.RemoveEmptyEntries).ToList();
        return new ReferralState(id, Text(item, "ETag"), Text(item, "Status"), Text(item, "Substatus"), Text(item, "Name"), team);
    }

    private static string? Text(PSObject item, string name) =>
        PipedObject.ValueOf(item, name)?.ToString() is { Length: > 0 } text ? text : null;
}
