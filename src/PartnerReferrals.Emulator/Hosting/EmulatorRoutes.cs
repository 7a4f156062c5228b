using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace PartnerReferrals.Emulator;

/// <summary>The emulator's routes. Handlers take the raw HttpContext: no model binding, fast start-up.</summary>
internal static class EmulatorRoutes
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorState state)
    {
        var referrals = new ReferralsEndpoint(state);
        routes.MapGet(ReferralsEndpoint.Path, referrals.HandleAsync);
    }
}
