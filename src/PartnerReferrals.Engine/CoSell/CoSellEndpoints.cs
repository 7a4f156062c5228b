using System;
using PartnerReferrals.Engine.Sessions;
using PartnerReferrals.Engine.SignIn;

namespace PartnerReferrals.Engine.CoSell;

/// <summary>Where the Referrals (co-sell) API is, and which token it takes (API-COSELL.md §1, §2; choice 21).</summary>
public static class CoSellEndpoints
{
    /// <summary>The token audience of the Referrals API; the analytics API's is <see cref="EnvironmentEndpoints.PartnerCenterApi"/>.</summary>
    public const string Audience = "https://api.partner.microsoft.com";

    public const string Scope = Audience + "/.default";

    public const string ReferralsPath = "/v1.0/engagements/referrals";

    public static readonly Uri PublicReferralsUrl = new(Audience + ReferralsPath);

    /// <summary>
    /// The referrals collection URL of an environment: the public host for the global cloud; the emulator's own
    /// origin (it serves both APIs); null where the API is not offered (government and other clouds, custom URLs).
    /// </summary>
    public static Uri? ReferralsUrlFor(EnvironmentEndpoints endpoints)
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        return endpoints.Environment switch
        {
            PartnerEnvironment.Global => PublicReferralsUrl,
            PartnerEnvironment.Emulator => new Uri(endpoints.BaseUrl.GetLeftPart(UriPartial.Authority) + ReferralsPath),
            _ => null,
        };
    }

    public static bool IsCoSellAudience(string? audience) =>
        audience is not null && string.Equals(audience.TrimEnd('/'), Audience, StringComparison.OrdinalIgnoreCase);
}
