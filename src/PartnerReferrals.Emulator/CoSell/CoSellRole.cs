namespace PartnerReferrals.Emulator;

/// <summary>The Partner Center Referrals roles (API-COSELL.md §2).</summary>
public enum CoSellRole
{
    /// <summary>Referrals Admin: creates, updates and views every referral.</summary>
    Admin,

    /// <summary>Referrals User: reads only the referrals whose team includes the user.</summary>
    User,

    /// <summary>No Referrals role: every Referrals API request is 403 accessDenied naming the roles (choice 15).</summary>
    None,
}
