using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PartnerReferrals.Emulator;

/// <summary>The emulator's routes. Handlers take the raw HttpContext: no model binding, fast start-up.</summary>
internal static class EmulatorRoutes
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorState state)
    {
        routes.MapGet(ReferralsEndpoint.Path, new ReferralsEndpoint(state).HandleAsync);
        CoSellRoutes.Map(routes, state);

        // Other paths and methods of the API answer with its documented error body too, not an empty page.
        routes.MapMethods(ReferralsEndpoint.Path, ["POST", "PUT", "PATCH", "DELETE"], context =>
        {
            CorrelationHeaders.Apply(context, state.ServerId);
            return ApiErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, 405, "Only GET is supported on this resource.");
        });
        routes.Map("/partner/{**rest}", context =>
        {
            CorrelationHeaders.Apply(context, state.ServerId);
            return ApiErrors.WriteAsync(context, StatusCodes.Status404NotFound, 404, $"No resource at {context.Request.Path}.");
        });
        routes.MapPost("/{tenant}/oauth2/v2.0/token", new TokenEndpoint(state, new ClientAuthenticator(state.Options, TimeProvider.System)).HandleAsync);
        routes.MapPost("/{tenant}/oauth2/v2.0/devicecode", new DeviceCodeEndpoint(state).HandleAsync);
        routes.MapGet("/{tenant}/oauth2/v2.0/authorize", new AuthorizeEndpoint(state).HandleAsync);
        routes.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", new OpenIdConfiguration(state).HandleAsync);
        routes.MapGet("/devicelogin", new DeviceLoginPage(state).HandleAsync);
    }
}
