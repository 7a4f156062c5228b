using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace PartnerReferrals.Emulator;

/// <summary>
/// The Referrals roles (§2, choice 14): an Admin sees and changes every referral; a User sees only the referrals
/// whose team has the signed-in user, and changes them only with <see cref="EmulatorOptions.CoSellUserMayUpdate"/>;
/// creating one takes the Admin role. A user without either role is refused every request (choice 15).
/// </summary>
internal sealed class CoSellAccess(EmulatorOptions options)
{
    public bool IsAdmin => options.CoSellRole == CoSellRole.Admin;

    public bool MaySee(JsonObject referral) =>
        IsAdmin || (referral["team"] is JsonArray team && team.Any(member =>
            string.Equals(CoSellJson.Text(member?["email"]), CoSellDataGenerator.SignedInEmail, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Refuses a user who has neither Referrals role, whatever the request (403 accessDenied, choice 15).</summary>
    public void DemandRole()
    {
        if (options.CoSellRole == CoSellRole.None)
        {
            throw new CoSellApiException(403, "accessDenied",
                "The signed-in user has no Referrals role: the Referrals Admin or Referrals User role is needed (Partner Center, account settings, user management).", "referral");
        }
    }

    public void DemandUpdate()
    {
        if (!IsAdmin && !options.CoSellUserMayUpdate)
        {
            throw Denied("update referrals");
        }
    }

    public void DemandCreate()
    {
        if (!IsAdmin)
        {
            throw Denied("create referrals");
        }
    }

    private static CoSellApiException Denied(string what) => new(403, "accessDenied",
        $"The signed-in user has the Referrals User role, which may not {what}: the Referrals Admin role is needed.", "referral");
}
