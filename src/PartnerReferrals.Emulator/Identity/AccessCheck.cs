namespace PartnerReferrals.Emulator;

/// <summary>What the referrals endpoint makes of a request's bearer token.</summary>
internal enum AccessCheck
{
    Allowed,
    Missing,
    Malformed,
    BadSignature,
    WrongAudience,
    Expired,
    NotYetValid,

    /// <summary>A valid token without a user: the API documents that app-only tokens are not accepted (403).</summary>
    AppOnly,

    /// <summary>A user token without "mfa" in its amr claim while <see cref="EmulatorOptions.RequireMfa"/> is on.</summary>
    MfaRequired,
}
