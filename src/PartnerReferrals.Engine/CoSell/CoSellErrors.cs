namespace PartnerReferrals.Engine.CoSell;

/// <summary>Errors of the co-sell (Referrals API) side: where it is not offered, a token for the wrong API, a missing role, and its answers' statuses.</summary>
public static class CoSellErrors
{
    public static PartnerReferralsException NotOffered(string environment) => new(
        "PartnerReferrals.CoSell.NotOffered",
        ErrorKind.NotImplemented,
        "Co-sell referrals are not available in the " + environment + " environment: Microsoft offers the Referrals API (api.partner.microsoft.com) in the public cloud only.",
        "Connect with -Environment Global (the default) to work with co-sell referrals; the referrals analytics cmdlets keep working in " + environment + ".",
        environment);

    public static PartnerReferralsException NotConnected() => new(
        "PartnerReferrals.CoSell.NotConnected",
        ErrorKind.InvalidOperation,
        "This session has no connection to the Referrals API (co-sell referrals).",
        "Run Connect-PartnerReferrals again; it signs in to both APIs.",
        null);

    /// <summary>An -AccessToken session holds one token for one API; the other API refuses it.</summary>
    public static PartnerReferralsException MissingAudience(string neededAudience, string? tokenAudience, string api) => new(
        "PartnerReferrals.Auth.MissingAudience",
        ErrorKind.AuthenticationError,
        "The access token given to Connect-PartnerReferrals is for " + (tokenAudience ?? "an unknown API") + "; the " + api + " needs a token for the audience " + neededAudience + ", which an -AccessToken session cannot get.",
        "Sign in with Connect-PartnerReferrals (interactively, -UseDeviceCode or -RefreshToken) so the module gets tokens for both APIs, or connect with an -AccessToken whose audience is " + neededAudience + ".",
        neededAudience);

    public static PartnerReferralsException ReferralNotFound(string id) => new(
        "PartnerReferrals.CoSell.ReferralNotFound",
        ErrorKind.ObjectNotFound,
        "No co-sell referral with the id '" + id + "' exists, or the signed-in account may not see it.",
        "Check the id, for example with Get-PartnerCoSellReferral -First 10 | Select-Object Id, Name; a Referrals User sees only the referrals whose team includes them.",
        id)
    {
        ParameterName = "Id",
    };

    /// <summary>The Referrals API's own reading of a refusal where it differs from the analytics API's; null where it does not.</summary>
    internal static (string Id, ErrorKind Kind, string What, string Action)? OfStatus(int status, System.Uri? url) => status switch
    {
        403 => ("PartnerReferrals.CoSell.Forbidden", ErrorKind.PermissionDenied,
            "The Referrals API refused access to co-sell referrals: the signed-in account lacks a Referrals role.",
            RoleAdvice(write: false)),
        404 => ("PartnerReferrals.CoSell.NotFound", ErrorKind.ObjectNotFound,
            "The Referrals API found nothing at " + url?.GetLeftPart(System.UriPartial.Path) + ".",
            "Check the referral id (Get-PartnerCoSellReferral lists the ones you may see)."),
        400 => ("PartnerReferrals.CoSell.BadRequest", ErrorKind.InvalidArgument,
            "The Referrals API rejected the request.",
            "Correct -Filter (the API's OData filter: eq, and, team/any(...)) or the other parameters."),
        _ => null,
    };

    /// <summary>A 403 from the Referrals API: the signed-in user lacks the role the call needs.</summary>
    public static string RoleAdvice(bool write) => write
        ? "Ask a Partner Center administrator to give your account the Referrals Admin role (a Referrals User may only read the referrals whose team includes them)."
        : "Ask a Partner Center administrator to give your account the Referrals Admin role (all referrals) or the Referrals User role (referrals whose team includes you).";
}
