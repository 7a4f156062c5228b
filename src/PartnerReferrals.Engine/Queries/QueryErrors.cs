using System.Globalization;

namespace PartnerReferrals.Engine.Queries;

/// <summary>
/// Builds the input errors of a query. Each names the cmdlet parameter to change, carries the offending value,
/// and says the fix, so the cmdlet can turn it into an ErrorRecord without adding words.
/// </summary>
internal static class QueryErrors
{
    public const string Prefix = "PartnerReferrals.Query.";

    public static PartnerReferralsException Invalid(string id, string parameter, object? target, string message, string fix) =>
        new(Prefix + id, ErrorKind.InvalidArgument, message, fix, target)
        {
            ParameterName = parameter,
        };

    public static PartnerReferralsException UnknownField(string parameter, string name, string validNames) =>
        Invalid(
            "UnknownField",
            parameter,
            name,
            string.Format(CultureInfo.InvariantCulture, "-{0}: '{1}' is not a referral field.", parameter, name),
            "Use one of: " + validNames + ".");

    public static PartnerReferralsException UnsupportedOperator(string parameter, ReferralField field, string op, object target) =>
        Invalid(
            "UnsupportedOperator",
            parameter,
            target,
            string.Format(CultureInfo.InvariantCulture, "-{0}: the field '{1}' does not support '{2}'.", parameter, field.Name, op),
            "Operators valid for " + field.Name + ": " + string.Join(", ", field.Operators) + ".");

    public static PartnerReferralsException NotFound(string id) =>
        new(Prefix + "ReferralNotFound", ErrorKind.ObjectNotFound, string.Format(CultureInfo.InvariantCulture, "No referral has the id '{0}' (within the other filters given).", id), "Check the id, for example with Get-PartnerReferral -First 10 | Select-Object Id; referrals outside the other filters are not returned.", id)
        {
            ParameterName = "Id",
        };
}
