namespace PartnerReferrals.Engine.Sessions;

public enum SignInMethod
{
    Interactive,
    DeviceCode,
    RefreshToken,
    AccessToken,
}
